package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.hubwork.ArchiveWork;
import io.crawlseq.commands.handlers.hubwork.KnownHubs;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.archive.ArchiveCrawl;
import io.crawlseq.store.StoredHub;
import java.util.List;
import java.util.Optional;

/**
 * {@code exploreCountryHubs}: visits the country hubs earlier steps recorded (ensureCountryHubs),
 * all of them or one {@code country}'s, following their pagination round-robin (every hub's first
 * page before any hub's second), collecting up to {@code limit} stories and, unless
 * {@code structureOnly}, fetching each for its title, publication time and section. Every story
 * goes to the store with the hub it came from. Pages per hub: {@code maxDepth + 1} when given
 * (page 1 is depth 0), else {@value #DEFAULT_PAGES_PER_HUB}.
 */
public final class ExploreCountryHubsHandler extends LongCrawlHandler {

    static final int DEFAULT_PAGES_PER_HUB = 5;

    @Override
    public String command() {
        return "exploreCountryHubs";
    }

    @Override
    protected Begin begin(Context context) throws CommandException {
        CommandRequest request = context.request();
        Optional<String> country = request.stringArg("country");
        List<StoredHub> hubs = KnownHubs.countryHubs(context.services().storage().crawl(), context.site(), country);
        if (hubs.isEmpty()) {
            return new Begin.Without(skipped("no country hubs are known for " + context.site()
                    + country.map(c -> " in " + c).orElse("") + "; run ensureCountryHubs first"));
        }
        int pages = request.hasArg("maxDepth") ? request.intArg("maxDepth") + 1 : DEFAULT_PAGES_PER_HUB;
        ArchiveCrawl.Options options = ArchiveCrawl.Options.of(pages)
                .order(ArchiveCrawl.Order.ROUND_ROBIN)
                .fetchArticles(!request.booleanArg("structureOnly"))
                .maxArticles(request.longArg("limit"))
                .maxRequests(request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : Long.MAX_VALUE);
        List<String> urls = hubs.stream().map(h -> h.hub().url()).toList();
        context.progress("exploring " + urls.size() + " country hub(s)");
        return new Begin.With(ArchiveWork.start(urls, options, ExploreCountryHubsHandler::fields));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        return ArchiveWork.resume(state, ExploreCountryHubsHandler::fields);
    }

    static ObjectNode fields(ArchiveCrawl crawl, ArrayNode articles) {
        ObjectNode f = CommandOutcome.noFields();
        f.put("hubsVisited", crawl.hubsVisited());
        f.put("articlesFound", crawl.articlesFound());
        f.set("articles", articles);
        return f;
    }
}
