package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.commands.handlers.hubwork.HubSearchWork;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.HubFinder;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code findPlaceAndTopicHubs}: hubs that combine a place and a topic ({@code /uk/politics},
 * {@code /us-news/us-politics}, {@code /world/europe/business}), each with its place (ISO code for
 * countries, gazetteer id) and topic key; with {@code country}, only that country's.
 */
public final class FindPlaceAndTopicHubsHandler extends LongCrawlHandler {

    @Override
    public String command() {
        return "findPlaceAndTopicHubs";
    }

    @Override
    protected Begin begin(Context context) {
        return new Begin.With(HubSearchWork.start(context.start(), options(context.request()),
                FindPlaceAndTopicHubsHandler::fields));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        return HubSearchWork.resume(context.start(), options(context.request()), state, FindPlaceAndTopicHubsHandler::fields);
    }

    private static HubFinder.Options options(CommandRequest request) {
        HubFinder.Options options = HubSearches.limits(request, HubFinder.Options.of(Set.of(HubKind.PLACE_TOPIC)))
                .minConfidence(request.doubleArg("minConfidence"));
        return request.stringArg("country").map(c -> options.countries(Set.of(c.toUpperCase(Locale.ROOT)))).orElse(options);
    }

    private static ObjectNode fields(List<Hub> hubs) {
        ObjectNode f = CommandOutcome.noFields();
        f.put("hubCount", hubs.size());
        f.set("hubs", HubRecords.toJson(HubRecords.toStore(hubs)));
        return f;
    }
}
