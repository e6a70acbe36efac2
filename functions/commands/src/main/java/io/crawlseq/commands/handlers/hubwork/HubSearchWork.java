package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.url.WebUrl;
import io.crawlseq.store.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * A {@link HubFinder} search as a handler's work (ensurePlaceHubs, findPlaceAndTopicHubs): the
 * hubs are recorded in the store once the search is done (scores change while it runs).
 */
public final class HubSearchWork implements LongCrawlHandler.Work {

    /** A command's result fields from the hubs found so far. */
    @FunctionalInterface
    public interface Fields {
        ObjectNode of(List<Hub> hubs);
    }

    private final WebUrl site;
    private final HubFinder.Options options;
    private final Fields fields;
    private HubFinder.State state;
    private HubFinder.Result result;

    private HubSearchWork(WebUrl site, HubFinder.Options options, HubFinder.State state, Fields fields) {
        this.site = site;
        this.options = options;
        this.state = state;
        this.fields = fields;
    }

    /** @param options the search, the same in every invocation (rebuilt from the saved state's own options) */
    public static HubSearchWork start(WebUrl site, HubFinder.Options options, Fields fields) {
        return new HubSearchWork(site, options, null, fields);
    }

    public static HubSearchWork resume(WebUrl site, HubFinder.Options options, JsonNode saved, Fields fields)
            throws CommandException {
        return new HubSearchWork(site, options, StateTrees.read(saved.path("finder"), HubFinder.State::fromJson, "hub search"),
                fields);
    }

    @Override
    public boolean run(Crawler crawler, long deadlineMillis) {
        HubFinder.Options timed = options.deadline(deadlineMillis);
        result = state == null ? HubFinder.find(crawler, site, timed) : HubFinder.resume(crawler, timed, state, p -> { });
        state = result.state();
        return !result.partial();
    }

    @Override
    public JsonNode state() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("finder", StateTrees.tree(state.toJson()));
        return o;
    }

    @Override
    public ObjectNode fields() {
        return fields.of(result == null ? List.of() : result.hubs());
    }

    @Override
    public void record(CommandServices services, SiteId siteId, String runId, Instant now) {
        if (result != null && !result.partial()) {
            for (Hub hub : result.hubs()) {
                services.storage().crawl().putHub(siteId, HubRecords.toStore(hub), runId, now);
            }
        }
    }

    @Override
    public String host() {
        return site.host();
    }
}
