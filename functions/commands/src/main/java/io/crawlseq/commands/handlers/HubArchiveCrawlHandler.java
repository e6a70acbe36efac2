package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.hubwork.ArchiveWork;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.archive.ArchiveCrawl;
import java.util.List;

/**
 * {@code hubArchiveCrawl}: walks a hub's pagination ({@code hubUrl}, default the start URL) for up
 * to {@code maxPages} pages, collecting the stories each lists (and fetching them with
 * {@code fetchArticles}); every story goes to the store with the hub it came from.
 */
public final class HubArchiveCrawlHandler extends LongCrawlHandler {

    @Override
    public String command() {
        return "hubArchiveCrawl";
    }

    /** The hub's own site: {@code hubUrl} may stand in for the start URL. */
    @Override
    protected java.util.Optional<String> target(CommandRequest request) {
        return request.stringArg("hubUrl").or(request::startUrl);
    }

    @Override
    protected Begin begin(Context context) {
        CommandRequest request = context.request();
        String hub = context.request().stringArg("hubUrl").orElse(context.start().toString());
        ArchiveCrawl.Options options = ArchiveCrawl.Options.of(request.intArg("maxPages"))
                .fetchArticles(request.booleanArg("fetchArticles"))
                .maxRequests(request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : Long.MAX_VALUE);
        return new Begin.With(work(ArchiveWork.start(List.of(hub), options, HubArchiveCrawlHandler::fields)));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        return work(ArchiveWork.resume(state, HubArchiveCrawlHandler::fields));
    }

    private static Work work(ArchiveWork archive) {
        return new ArchiveWorkFailingOnDeadHub(archive);
    }

    static ObjectNode fields(ArchiveCrawl crawl, com.fasterxml.jackson.databind.node.ArrayNode articles) {
        ObjectNode f = CommandOutcome.noFields();
        ArchiveCrawl.HubOutcome hub = crawl.hubs().get(0);
        f.put("hubUrl", hub.hubUrl());
        f.put("depth", hub.pagesWalked());
        f.put("articlesFound", crawl.articlesFound());
        f.set("articles", articles);
        return f;
    }
}
