package io.crawlseq.crawler.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What says (or does not say) that a page is a single story.
 *
 * @param jsonLdTypes                 every JSON-LD {@code @type} on the page
 * @param ogType                      {@code og:type}, or null
 * @param publishedTime               the best publication time found (JSON-LD datePublished,
 *                                    {@code article:published_time}, {@code <time datetime>}), or null
 * @param metaPublishedTime           {@code article:published_time} was present
 * @param articleWithHeadlineAndTime  an {@code <article>} holds an h1 and a {@code <time>}
 * @param datedPath                   the URL path is dated ({@code /2024/05/12/slug}, {@code /2024/may/12/slug})
 * @param articleIdInPath             the URL ends in a long number ({@code /news/world-europe-12345678})
 * @param byline                      byline text, or null
 * @param headline                    JSON-LD headline or the h1, or null
 * @param section                     {@code article:section} or JSON-LD articleSection, or null
 * @param authors                     author names from JSON-LD
 * @param paragraphChars              characters in substantial paragraphs of the page's main content
 * @param liveBlog                    JSON-LD LiveBlogPosting or a live-blog URL
 */
public record ArticleSignals(Set<String> jsonLdTypes, String ogType, String publishedTime, boolean metaPublishedTime,
                             boolean articleWithHeadlineAndTime, boolean datedPath, boolean articleIdInPath,
                             String byline, String headline, String section, List<String> authors, int paragraphChars,
                             boolean liveBlog) {

    public ArticleSignals {
        jsonLdTypes = Set.copyOf(jsonLdTypes);
        authors = List.copyOf(authors);
    }

    public boolean hasArticleJsonLd() {
        return jsonLdTypes.stream().anyMatch(PageAnalyzer.ARTICLE_TYPES::contains);
    }

    /** The signals that say "article", by name; empty for a page that is not one. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (hasArticleJsonLd()) {
            reasons.add("json-ld article type");
        }
        if ("article".equalsIgnoreCase(ogType)) {
            reasons.add("og:type=article");
        }
        if (metaPublishedTime) {
            reasons.add("article:published_time");
        }
        if (articleWithHeadlineAndTime && paragraphChars >= 500) {
            reasons.add("<article> with headline, time and text");
        }
        if ((datedPath || articleIdInPath) && (byline != null || publishedTime != null || paragraphChars >= 1000)) {
            reasons.add(datedPath ? "dated path with byline/time/text" : "article id with byline/time/text");
        }
        return reasons;
    }

    /** A single story (including live blogs), on the evidence of {@link #reasons()}. */
    public boolean isArticle() {
        return !reasons().isEmpty();
    }
}
