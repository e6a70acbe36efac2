package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.page.PageAnalysis;

/**
 * One processed frontier entry: the fetch result (any outcome) and, for an HTML page fetched OK,
 * its analysis.
 *
 * @param url      the URL the frontier held
 * @param depth    its depth
 * @param result   the fetch (for robots-disallowed URLs: a blocked-by-robots result, no request made)
 * @param analysis the page's analysis, or null
 */
public record CrawledPage(String url, int depth, FetchResult result, PageAnalysis analysis) {

    public boolean isOk() {
        return result.isOk() && analysis != null;
    }
}
