package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.url.WebUrl;

/**
 * One rule deciding whether a discovered link enters the frontier. Filters are small and composed
 * in a list ({@link UrlFilters#standard}); the first that objects names the reason.
 */
@FunctionalInterface
public interface UrlFilter {

    /** Null to accept, else why the link is refused ("outside the site", "depth 4 > 3"). */
    String reject(WebUrl url, int depth);
}
