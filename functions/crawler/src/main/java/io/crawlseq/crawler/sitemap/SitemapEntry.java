package io.crawlseq.crawler.sitemap;

import java.time.Instant;

/**
 * One page URL listed in a sitemap.
 *
 * @param url          the page URL as listed
 * @param lastModified {@code <lastmod>}, or null
 * @param news         the Google News extension, or null when the entry has none
 */
public record SitemapEntry(String url, Instant lastModified, NewsInfo news) {

    /**
     * {@code <news:news>}: what news sitemaps add.
     *
     * @param publicationDate {@code news:publication_date}, or null when unreadable
     * @param title           {@code news:title}
     * @param publicationName {@code news:publication/news:name}
     * @param language        {@code news:publication/news:language}
     */
    public record NewsInfo(Instant publicationDate, String title, String publicationName, String language) {
    }

    public boolean isNews() {
        return news != null;
    }
}
