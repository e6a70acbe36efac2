package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.ops.HubFinder;
import java.util.Optional;

/**
 * {@code findTopicHubs}: finds section and topic hubs ({@code /politics}, {@code /technology}) from
 * navigation and URL structure ({@link HubFinder}) and records those at or above minConfidence.
 */
public final class FindTopicHubsHandler extends CrawlingHandler {

    @Override
    public String command() {
        return "findTopicHubs";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException {
        HubFinder.Options own = HubFinder.Options.topicHubs();
        if (session.request().hasArg("minConfidence")) {
            own = own.minConfidence(session.request().doubleArg("minConfidence"));
        }
        HubFinder.Result result = HubSearch.run(session, HubSearch.limited(own, session), previous);
        ObjectNode fields = CommandOutcome.noFields();
        var hubs = HubSearch.hubs(result);
        fields.put("hubCount", hubs.size());
        fields.set("hubs", HubRecords.toJson(hubs));
        return result.partial() ? Step.partial(HubSearch.stateJson(result), fields) : Step.done(fields);
    }
}
