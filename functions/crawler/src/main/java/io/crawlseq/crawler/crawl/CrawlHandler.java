package io.crawlseq.crawler.crawl;

import java.util.List;

/**
 * What a crawl does with each page, called on the crawl's own thread, one page at a time, in the
 * frontier's order (so handlers need no locking and see pages in the same order on every run).
 */
public interface CrawlHandler {

    /**
     * Handles a processed entry and returns the links to follow (absolute URLs; they are normalised,
     * filtered and deduplicated by the crawl). The default follows every followable link.
     */
    default List<String> onPage(CrawledPage page) {
        return page.analysis() == null ? List.of() : page.analysis().followableUrls();
    }

    /** Polled between pages: return true to stop the crawl (status STOPPED, state kept). */
    default boolean shouldStop() {
        return false;
    }

    /** Progress, at most once per progress interval and once at the end. */
    default void onProgress(CrawlProgress progress) {
    }

    /** Follows every link. */
    CrawlHandler FOLLOW_ALL = new CrawlHandler() {
    };
}
