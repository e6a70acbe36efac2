package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.WebUrl;
import java.util.List;
import java.util.function.Predicate;

/**
 * Limits and rules of one crawl.
 *
 * @param seeds               start URLs (depth 0)
 * @param maxDepth            link depth followed at most
 * @param maxDownloads        pages fetched at most (cumulative over continuations; robots.txt not counted)
 * @param concurrency         requests in flight in total (robots.txt included); per host politeness still applies
 * @param deadlineMillis      clock time after which no new request starts ({@link Long#MAX_VALUE}: none);
 *                            requests in flight finish (bounded by the fetch time cap)
 * @param filters             link filters, in order
 * @param redirectScope       where redirects may lead (null: anywhere the SSRF guard allows)
 * @param progressEveryMillis clock time between progress callbacks
 */
public record CrawlOptions(List<String> seeds, int maxDepth, long maxDownloads, int concurrency, long deadlineMillis,
                           List<UrlFilter> filters, Predicate<WebUrl> redirectScope, long progressEveryMillis) {

    public CrawlOptions {
        seeds = List.copyOf(seeds);
        filters = List.copyOf(filters);
        if (maxDepth < 0 || maxDownloads < 0 || concurrency < 1) {
            throw new IllegalArgumentException("invalid crawl limits");
        }
    }

    /** Same-site breadth-first crawl from one start URL. */
    public static CrawlOptions site(WebUrl start, int maxDepth, long maxDownloads, int concurrency) {
        SiteScope scope = SiteScope.of(start);
        return new CrawlOptions(List.of(start.toString()), maxDepth, maxDownloads, concurrency, Long.MAX_VALUE,
                UrlFilters.standard(scope, maxDepth), scope::contains, 1000);
    }

    public CrawlOptions deadline(long clockMillis) {
        return new CrawlOptions(seeds, maxDepth, maxDownloads, concurrency, clockMillis, filters, redirectScope,
                progressEveryMillis);
    }

    public CrawlOptions filters(List<UrlFilter> value) {
        return new CrawlOptions(seeds, maxDepth, maxDownloads, concurrency, deadlineMillis, value, redirectScope,
                progressEveryMillis);
    }

    public CrawlOptions seeds(List<String> value) {
        return new CrawlOptions(value, maxDepth, maxDownloads, concurrency, deadlineMillis, filters, redirectScope,
                progressEveryMillis);
    }
}
