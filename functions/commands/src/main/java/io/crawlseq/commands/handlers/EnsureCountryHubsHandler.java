package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.ops.HubFinder;
import java.util.HashSet;
import java.util.Optional;

/**
 * {@code ensureCountryHubs}: finds the site's country hubs from its navigation, links and sitemaps
 * ({@link HubFinder}), verifies candidates by fetching them, and records them with their ISO code.
 * Result: {@code hubCount}, {@code verified}, {@code missing} (requested countries without a hub),
 * {@code hubs}.
 */
public final class EnsureCountryHubsHandler extends CrawlingHandler {

    @Override
    public String command() {
        return "ensureCountryHubs";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException {
        HubFinder.Result result = HubSearch.run(session, options(session), previous);
        ObjectNode fields = CommandOutcome.noFields();
        var hubs = HubSearch.hubs(result);
        fields.put("hubCount", hubs.size());
        fields.put("verified", result.verifiedCount());
        fields.set("missing", fields.arrayNode().addAll(result.missing().stream()
                .map(fields::textNode).toList()));
        fields.set("hubs", HubRecords.toJson(hubs));
        return result.partial() ? Step.partial(HubSearch.stateJson(result), fields) : Step.done(fields);
    }

    private static HubFinder.Options options(CrawlSession session) {
        CommandRequest request = session.request();
        HubFinder.Options own = HubFinder.Options.countryHubs()
                .countries(new HashSet<>(request.stringListArg("countries")))
                .verify(!request.hasArg("verify") || request.booleanArg("verify"));
        if (request.hasArg("minConfidence")) {
            own = own.minConfidence(request.doubleArg("minConfidence"));
        }
        return HubSearch.limited(own, session);
    }
}
