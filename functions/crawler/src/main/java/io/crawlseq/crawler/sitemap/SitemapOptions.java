package io.crawlseq.crawler.sitemap;

/**
 * Limits of a sitemap walk.
 *
 * @param maxDepth    index levels followed (robots.txt sitemaps are depth 0)
 * @param maxSitemaps sitemap files fetched at most
 * @param maxUrls     page URLs kept at most (over all sitemaps)
 */
public record SitemapOptions(int maxDepth, int maxSitemaps, int maxUrls) {

    public SitemapOptions {
        if (maxDepth < 0 || maxSitemaps < 1 || maxUrls < 1) {
            throw new IllegalArgumentException("invalid sitemap limits");
        }
    }

    public static SitemapOptions defaults() {
        return new SitemapOptions(3, 200, 50_000);
    }

    public SitemapOptions maxUrls(int value) {
        return new SitemapOptions(maxDepth, maxSitemaps, value);
    }

    public SitemapOptions maxSitemaps(int value) {
        return new SitemapOptions(maxDepth, value, maxUrls);
    }

    public SitemapOptions maxDepth(int value) {
        return new SitemapOptions(value, maxSitemaps, maxUrls);
    }
}
