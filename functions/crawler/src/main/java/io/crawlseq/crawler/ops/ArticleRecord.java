package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.page.PageAnalysis;
import java.util.List;

/**
 * What a crawl records about one story (the registry's Article type, plus authors).
 *
 * @param url         the story's URL (after redirects)
 * @param title       the headline (JSON-LD headline, h1, or title)
 * @param publishedAt publication time as the page states it, or null
 * @param section     the site's section for it ({@code article:section}, JSON-LD), or null
 * @param hubUrl      the listing page it was first found on, or null
 * @param authors     author names, when the page names them
 */
public record ArticleRecord(String url, String title, String publishedAt, String section, String hubUrl,
                            List<String> authors) {

    public ArticleRecord {
        authors = List.copyOf(authors);
    }

    /** The record for a page the analyzer recognised as a story. */
    public static ArticleRecord of(PageAnalysis page, String hubUrl) {
        String title = page.article().headline() != null ? page.article().headline()
                : !page.h1().isEmpty() ? page.h1() : page.title();
        return new ArticleRecord(page.url(), title, page.article().publishedTime(), page.article().section(), hubUrl,
                page.article().authors());
    }
}
