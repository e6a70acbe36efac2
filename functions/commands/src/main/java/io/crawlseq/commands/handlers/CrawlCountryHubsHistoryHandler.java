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
 * {@code crawlCountryHubsHistory}: the archive walk of hubArchiveCrawl applied to up to
 * {@code hubLimit} known country hubs, verified and most confident first, each to its end or
 * {@code maxPages} pages before the next.
 */
public final class CrawlCountryHubsHistoryHandler extends LongCrawlHandler {

    @Override
    public String command() {
        return "crawlCountryHubsHistory";
    }

    @Override
    protected Begin begin(Context context) throws CommandException {
        CommandRequest request = context.request();
        List<StoredHub> hubs = KnownHubs.countryHubs(context.services().storage().crawl(), context.site(), Optional.empty());
        if (hubs.isEmpty()) {
            return new Begin.Without(skipped("no country hubs are known for " + context.site()
                    + "; run ensureCountryHubs first"));
        }
        List<String> urls = hubs.stream().limit(request.intArg("hubLimit")).map(h -> h.hub().url()).toList();
        ArchiveCrawl.Options options = ArchiveCrawl.Options.of(request.intArg("maxPages"))
                .maxRequests(request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : Long.MAX_VALUE);
        return new Begin.With(ArchiveWork.start(urls, options, CrawlCountryHubsHistoryHandler::fields));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        return ArchiveWork.resume(state, CrawlCountryHubsHistoryHandler::fields);
    }

    private static ObjectNode fields(ArchiveCrawl crawl, ArrayNode articles) {
        ObjectNode f = CommandOutcome.noFields();
        f.put("hubsCrawled", crawl.hubs().stream().filter(h -> h.pagesWalked() > 0).count());
        f.put("articlesFound", crawl.articlesFound());
        f.set("articles", articles);
        return f;
    }
}
