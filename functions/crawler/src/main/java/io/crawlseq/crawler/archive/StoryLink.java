package io.crawlseq.crawler.archive;

/**
 * A story a listing page links to.
 *
 * @param url  normalised URL
 * @param text the link's text (the headline), or ""
 */
public record StoryLink(String url, String text) {

    public StoryLink {
        text = text == null ? "" : text;
    }
}
