package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.hubwork.ArchiveWork;
import io.crawlseq.commands.handlers.hubwork.KnownHubs;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.archive.ArchiveCrawl;
import io.crawlseq.store.StoredHub;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code crawlCountryHubHistory}: the archive walk of hubArchiveCrawl applied to the best known hub
 * of one {@code country} (recorded by ensureCountryHubs), up to {@code maxPages} pages.
 */
public final class CrawlCountryHubHistoryHandler extends LongCrawlHandler {

    @Override
    public String command() {
        return "crawlCountryHubHistory";
    }

    @Override
    protected Begin begin(Context context) throws CommandException {
        CommandRequest request = context.request();
        String country = request.stringArg("country").orElse("").toUpperCase(Locale.ROOT);
        Optional<StoredHub> hub = KnownHubs.countryHub(context.services().storage().crawl(), context.site(), country);
        if (hub.isEmpty()) {
            return new Begin.Without(skipped("no hub is known for country " + country + " on " + context.site()
                    + "; run ensureCountryHubs first"));
        }
        ArchiveCrawl.Options options = ArchiveCrawl.Options.of(request.intArg("maxPages"))
                .maxRequests(request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : Long.MAX_VALUE);
        return new Begin.With(new ArchiveWorkFailingOnDeadHub(ArchiveWork.start(List.of(hub.get().hub().url()), options,
                (crawl, articles) -> fields(country, crawl, articles))));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        String country = context.request().stringArg("country").orElse("").toUpperCase(Locale.ROOT);
        return new ArchiveWorkFailingOnDeadHub(ArchiveWork.resume(state, (crawl, articles) -> fields(country, crawl, articles)));
    }

    private static ObjectNode fields(String country, ArchiveCrawl crawl, ArrayNode articles) {
        ObjectNode f = HubArchiveCrawlHandler.fields(crawl, articles);
        f.put("country", country);
        return f;
    }
}
