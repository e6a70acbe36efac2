package io.crawlseq.commands.handlers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.FetchStats;

/**
 * The counters every crawling command reports ({@code pagesFetched}, {@code bytesFetched},
 * {@code failures}: the registry's crawl fields), for one invocation or added up over the
 * invocations of a long crawl. {@code processed} (URLs a crawl finished with) is kept for progress
 * checks and not reported.
 *
 * @param pagesFetched HTTP responses received (robots.txt, sitemaps and redirect hops included)
 * @param bytesFetched body bytes after decompression
 * @param failures     URLs that ended in a failure outcome after retries (robots.txt refusals included)
 * @param processed    URLs crawls finished with
 */
public record CrawlCounters(long pagesFetched, long bytesFetched, long failures, long processed) {

    public static final CrawlCounters ZERO = new CrawlCounters(0, 0, 0, 0);

    /** What one crawler counted (one crawler per invocation). */
    public static CrawlCounters of(FetchStats.Snapshot stats) {
        return new CrawlCounters(stats.responses(), stats.bodyBytes(), stats.processedFailures(), stats.processed());
    }

    public CrawlCounters plus(CrawlCounters other) {
        return new CrawlCounters(pagesFetched + other.pagesFetched, bytesFetched + other.bytesFetched,
                failures + other.failures, processed + other.processed);
    }

    /** Adds failures counted outside crawls (sitemap files that could not be read). */
    public CrawlCounters withExtraFailures(long extra) {
        return new CrawlCounters(pagesFetched, bytesFetched, failures + extra, processed);
    }

    /** Sets the registry's crawl fields on a result. */
    public ObjectNode putFields(ObjectNode fields) {
        fields.put("pagesFetched", pagesFetched);
        fields.put("bytesFetched", bytesFetched);
        fields.put("failures", failures);
        return fields;
    }

    public ObjectNode toJson() {
        return putFields(JsonNodeFactory.instance.objectNode()).put("processed", processed);
    }

    public static CrawlCounters fromJson(JsonNode json) {
        return new CrawlCounters(json.path("pagesFetched").asLong(0), json.path("bytesFetched").asLong(0),
                json.path("failures").asLong(0), json.path("processed").asLong(0));
    }
}
