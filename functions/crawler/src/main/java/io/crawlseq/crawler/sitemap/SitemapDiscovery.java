package io.crawlseq.crawler.sitemap;

import io.crawlseq.crawler.fetch.FetchOutcome;
import java.util.List;

/**
 * What a sitemap walk found.
 *
 * @param sitemaps  every sitemap file tried, in the order tried
 * @param entries   page URLs found (deduplicated, in listing order), at most the option's maxUrls
 * @param truncated some URLs or sitemaps were left out because of a limit
 */
public record SitemapDiscovery(List<Visit> sitemaps, List<SitemapEntry> entries, boolean truncated) {

    /** How a sitemap file was read. */
    public enum Kind { INDEX, URLSET, UNREADABLE, FAILED }

    /**
     * One sitemap file.
     *
     * @param url      the sitemap's URL
     * @param source   how it was found: {@code robots.txt}, {@code default location}, or the index that listed it
     * @param depth    0 for robots.txt/default locations, +1 per index level
     * @param kind     what it turned out to be
     * @param urlCount page URLs (urlset) or sitemaps (index) it listed
     * @param outcome  the fetch outcome
     * @param detail   why it failed or was unreadable ("" otherwise)
     */
    public record Visit(String url, String source, int depth, Kind kind, int urlCount, FetchOutcome outcome,
                        String detail) {
    }

    public SitemapDiscovery {
        sitemaps = List.copyOf(sitemaps);
        entries = List.copyOf(entries);
    }

    public long newsUrlCount() {
        return entries.stream().filter(SitemapEntry::isNews).count();
    }

    /** Sitemap files read successfully. */
    public long sitemapsRead() {
        return sitemaps.stream().filter(v -> v.kind() == Kind.INDEX || v.kind() == Kind.URLSET).count();
    }
}
