package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.handlers.support.CrawlArgs;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.store.Hub;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link HubFinder} search for a command, first or continued, to the session's deadline;
 * shared by ensureCountryHubs, findTopicHubs and siteExplorer. A completed search's hubs are
 * recorded for the site; a partial one's are reported as results so far but not recorded.
 */
final class HubSearch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubSearch() {
    }

    /** The options of the request's limits, on top of a command's own. */
    static HubFinder.Options limited(HubFinder.Options own, CrawlSession session) {
        CrawlArgs limits = CrawlArgs.of(session.request(), 500, 4);
        return own.limits(limits.maxDepth(), limits.maxDownloads(), limits.concurrency())
                .deadline(session.deadlineMillis());
    }

    static HubFinder.Result run(CrawlSession session, HubFinder.Options options, Optional<JsonNode> previous)
            throws CommandException {
        HubFinder.Result result = previous.isEmpty()
                ? HubFinder.find(session.crawler(), session.start(), options, session.progress())
                : HubFinder.resume(session.crawler(), options, state(previous.get()), session.progress());
        if (!result.partial()) {
            session.recordHubs(hubs(result));
        }
        return result;
    }

    /** The hubs found, in the store's form (best first). */
    static List<Hub> hubs(HubFinder.Result result) {
        return HubRecords.toStore(result.hubs());
    }

    static JsonNode stateJson(HubFinder.Result result) {
        try {
            return JSON.readTree(result.state().toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hub search state is always JSON", e);
        }
    }

    private static HubFinder.State state(JsonNode saved) throws CommandException {
        try {
            return HubFinder.State.fromJson(saved.toString());
        } catch (JsonProcessingException e) {
            throw CommandException.fatal("the saved hub search state cannot be read: " + e.getOriginalMessage());
        }
    }
}
