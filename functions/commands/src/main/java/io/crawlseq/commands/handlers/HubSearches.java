package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.hubwork.HubSearchWork;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.store.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the hub-search handlers of issue 5 share: limits from the args, a scope kept across invocations. */
final class HubSearches {

    static final long DEFAULT_DOWNLOADS = 500;
    static final int DEFAULT_DEPTH = 4;

    private HubSearches() {
    }

    /** {@code maxDepth}, {@code maxDownloads}, {@code concurrency} from the args, the hub finder's defaults otherwise. */
    static HubFinder.Options limits(CommandRequest request, HubFinder.Options options) {
        int depth = request.hasArg("maxDepth") ? request.intArg("maxDepth") : DEFAULT_DEPTH;
        long downloads = request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : DEFAULT_DOWNLOADS;
        int concurrency = request.hasArg("concurrency") ? request.intArg("concurrency") : 4;
        return options.limits(depth, downloads, concurrency);
    }

    /** A search whose countries and seeds came from the store when it began, saved with its state. */
    record Scoped(HubSearchWork search, Set<String> countries, List<String> seeds) implements LongCrawlHandler.Work {

        @Override
        public boolean run(Crawler crawler, long deadlineMillis) {
            return search.run(crawler, deadlineMillis);
        }

        @Override
        public JsonNode state() {
            ObjectNode o = (ObjectNode) search.state();
            ArrayNode countryList = o.putArray("countries");
            countries.forEach(countryList::add);
            ArrayNode seedList = o.putArray("seeds");
            seeds.forEach(seedList::add);
            return o;
        }

        @Override
        public ObjectNode fields() {
            return search.fields();
        }

        @Override
        public void record(CommandServices services, SiteId site, String runId, Instant now) {
            search.record(services, site, runId, now);
        }

        @Override
        public String host() {
            return search.host();
        }
    }
}
