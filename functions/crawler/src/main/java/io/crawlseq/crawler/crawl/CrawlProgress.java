package io.crawlseq.crawler.crawl;

/**
 * Counters of a running or finished crawl (cumulative over continuations).
 *
 * @param processed     frontier entries processed (fetched, failed or disallowed)
 * @param downloads     processed entries that were fetched (what maxDownloads limits)
 * @param requests      HTTP fetches made for pages, retries included (robots.txt not included)
 * @param ok            pages fetched OK
 * @param failures      processed entries that ended in a failure outcome
 * @param robotsBlocked entries robots.txt disallowed (never requested)
 * @param robotsFetches robots.txt fetches
 * @param bodyBytes     body bytes after decompression
 * @param frontier      entries waiting
 * @param inFlight      requests in flight
 * @param elapsedMillis clock time since this invocation started
 */
public record CrawlProgress(long processed, long downloads, long requests, long ok, long failures, long robotsBlocked,
                            long robotsFetches, long bodyBytes, int frontier, int inFlight, long elapsedMillis) {
}
