package io.crawlseq.crawler.page;

/**
 * One link on a page (one entry per occurrence).
 *
 * @param url      normalised absolute URL
 * @param text     anchor text, whitespace collapsed (image alt / aria-label / title when the text is empty)
 * @param location where on the page it sits
 * @param nofollow {@code rel=nofollow} (or sponsored/ugc) on the link itself
 * @param headline the link is a headline: inside or around an h1-h4
 */
public record Link(String url, String text, LinkLocation location, boolean nofollow, boolean headline) {
}
