package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.commands.handlers.hubwork.HubSearchWork;
import io.crawlseq.commands.handlers.hubwork.KnownHubs;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.store.StoredHub;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ensurePlaceHubs}: region and city hubs below country level, from the site's own structure
 * (the crawl starts at the start page and at the known hubs of the countries concerned), each
 * resolved to a gazetteer entry with the path as context ({@code /us-news/georgia} the state,
 * {@code /world/europe/georgia} the country). Countries: {@code country}, else those with a known
 * hub (recorded by ensureCountryHubs); with neither, the result is skipped with a reason.
 */
public final class EnsurePlaceHubsHandler extends LongCrawlHandler {

    @Override
    public String command() {
        return "ensurePlaceHubs";
    }

    @Override
    protected Begin begin(Context context) throws CommandException {
        CommandRequest request = context.request();
        Optional<String> country = request.stringArg("country").map(c -> c.toUpperCase(Locale.ROOT));
        List<StoredHub> countryHubs = KnownHubs.countryHubs(context.services().storage().crawl(), context.site(), country);
        if (country.isEmpty() && countryHubs.isEmpty()) {
            return new Begin.Without(skipped("no country hubs are known for " + context.site()
                    + "; run ensureCountryHubs first, or give a country"));
        }
        Set<String> countries = new LinkedHashSet<>();
        country.ifPresentOrElse(countries::add, () -> countryHubs.forEach(h -> h.hub().iso2().ifPresent(countries::add)));
        List<String> seeds = countryHubs.stream().map(h -> h.hub().url()).toList();
        return new Begin.With(withScope(HubSearchWork.start(context.start(), options(request, countries, seeds),
                EnsurePlaceHubsHandler::fields), countries, seeds));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        Set<String> countries = new LinkedHashSet<>();
        state.path("countries").forEach(c -> countries.add(c.asText()));
        List<String> seeds = new ArrayList<>();
        state.path("seeds").forEach(s -> seeds.add(s.asText()));
        return withScope(HubSearchWork.resume(context.start(), options(context.request(), countries, seeds), state,
                EnsurePlaceHubsHandler::fields), countries, seeds);
    }

    private static HubFinder.Options options(CommandRequest request, Set<String> countries, List<String> seeds) {
        Set<HubKind> kinds = EnumSet.noneOf(HubKind.class);
        request.stringListArg("kinds").forEach(k -> kinds.add(HubKind.fromWireName(k)));
        return HubSearches.limits(request, HubFinder.Options.of(kinds)).minConfidence(request.doubleArg("minConfidence"))
                .countries(countries).extraSeeds(seeds);
    }

    static ObjectNode fields(List<Hub> hubs) {
        ObjectNode f = CommandOutcome.noFields();
        ArrayNode list = HubRecords.toJson(HubRecords.toStore(hubs));
        f.put("hubCount", hubs.size());
        f.put("regionCount", hubs.stream().filter(h -> h.kind() == HubKind.REGION).count());
        f.put("cityCount", hubs.stream().filter(h -> h.kind() == HubKind.CITY).count());
        f.set("hubs", list);
        return f;
    }

    /** Keeps the countries and seeds in the saved state: the store may learn more hubs while this runs. */
    private static Work withScope(HubSearchWork search, Set<String> countries, List<String> seeds) {
        return new HubSearches.Scoped(search, countries, seeds);
    }
}
