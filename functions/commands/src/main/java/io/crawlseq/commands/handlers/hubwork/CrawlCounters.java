package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.FetchStats;

/**
 * The registry's crawl counters ({@code pagesFetched}, {@code bytesFetched}, {@code failures}) for
 * one invocation, or added up over the invocations of a long crawl.
 *
 * @param pagesFetched HTTP responses received (robots.txt and redirect hops included)
 * @param bytesFetched body bytes after decompression
 * @param failures     fetches that ended in a failure outcome
 */
public record CrawlCounters(long pagesFetched, long bytesFetched, long failures) {

    public static final CrawlCounters ZERO = new CrawlCounters(0, 0, 0);

    public static CrawlCounters of(FetchStats.Snapshot stats) {
        return new CrawlCounters(stats.responses(), stats.bodyBytes(), stats.failures());
    }

    public CrawlCounters plus(CrawlCounters other) {
        return new CrawlCounters(pagesFetched + other.pagesFetched, bytesFetched + other.bytesFetched,
                failures + other.failures);
    }

    public ObjectNode putFields(ObjectNode fields) {
        fields.put("pagesFetched", pagesFetched);
        fields.put("bytesFetched", bytesFetched);
        fields.put("failures", failures);
        return fields;
    }

    public ObjectNode toJson() {
        return putFields(JsonNodeFactory.instance.objectNode());
    }

    public static CrawlCounters fromJson(JsonNode json) {
        return new CrawlCounters(json.path("pagesFetched").asLong(0), json.path("bytesFetched").asLong(0),
                json.path("failures").asLong(0));
    }
}
