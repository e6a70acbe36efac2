package io.crawlseq.crawler.sitemap;

import java.util.List;

/** A parsed sitemap file: a list of pages, an index of other sitemaps, or something unreadable. */
public sealed interface SitemapDocument {

    String url();

    /** {@code <urlset>}, an RSS/Atom feed, or a text sitemap. */
    record UrlSet(String url, List<SitemapEntry> entries, boolean truncated) implements SitemapDocument {
        public UrlSet {
            entries = List.copyOf(entries);
        }
    }

    /** {@code <sitemapindex>}: URLs of more sitemaps. */
    record Index(String url, List<String> sitemaps, boolean truncated) implements SitemapDocument {
        public Index {
            sitemaps = List.copyOf(sitemaps);
        }
    }

    /** Not a sitemap we can read, and why. */
    record Unreadable(String url, String reason) implements SitemapDocument {
    }
}
