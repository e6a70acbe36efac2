package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.handlers.support.ArticleSink;
import io.crawlseq.commands.handlers.support.CrawlArgs;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.crawler.ops.SitemapCrawl;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapEntry;
import java.util.List;
import java.util.Optional;

/**
 * {@code sitemapOnly}: reads the site's sitemaps like sitemapDiscovery, then fetches the listed
 * pages newest first (up to maxDownloads, no links followed) and records the stories among them,
 * bodies included. With {@code fetchArticles: false} it fetches nothing more and records the
 * stories news sitemaps describe (URL, title, publication date). Continues across invocations.
 */
public final class SitemapOnlyHandler extends CrawlingHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String command() {
        return "sitemapOnly";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException {
        if (previous.isPresent()) {
            return fetch(session, previous.get(), frontier(previous.get()));
        }
        SitemapDiscovery found = SitemapDiscoveryHandler.discover(session);
        session.report("read " + found.sitemapsRead() + " sitemaps listing " + found.entries().size() + " URLs");
        ObjectNode carried = JSON.createObjectNode();
        carried.set("sitemaps", SitemapDiscoveryHandler.sitemapUrls(found));
        carried.put("urlCount", found.entries().size());
        long failedSitemaps = SitemapDiscoveryHandler.failedSitemaps(found);
        if (!fetchArticles(session)) {
            ArticleSink sink = session.articleSink(JSON.missingNode(), false);
            for (SitemapEntry entry : found.entries()) {
                if (entry.isNews()) {
                    sink.accept(new ArticleRecord(entry.url(), entry.news().title(),
                            entry.news().publicationDate() == null ? null : entry.news().publicationDate().toString(),
                            null, null, List.of()));
                }
            }
            return Step.done(fields(carried, sink)).withExtraFailures(failedSitemaps);
        }
        CrawlArgs limits = CrawlArgs.of(session.request(), 500, 0);
        ArticleSink sink = session.articleSink(JSON.missingNode(), true);
        CrawlReport report = SitemapCrawl.fetchListed(session.crawler(), session.start(), SitemapCrawl.newestFirst(found),
                limits.maxDownloads(), limits.concurrency(), session.deadlineMillis(), sink);
        return step(report, carried, sink).withExtraFailures(failedSitemaps);
    }

    private Step fetch(CrawlSession session, JsonNode previous, FrontierState frontier) {
        CrawlArgs limits = CrawlArgs.of(session.request(), 500, 0);
        ArticleSink sink = session.articleSink(previous.path("articles"), true);
        CrawlReport report = SitemapCrawl.resumeListed(session.crawler(), session.start(), frontier, limits.maxDownloads(),
                limits.concurrency(), session.deadlineMillis(), sink);
        ObjectNode carried = JSON.createObjectNode();
        carried.set("sitemaps", previous.path("sitemaps").deepCopy());
        carried.put("urlCount", previous.path("urlCount").asLong());
        return step(report, carried, sink);
    }

    private static Step step(CrawlReport report, ObjectNode carried, ArticleSink sink) {
        ObjectNode fields = fields(carried, sink);
        if (!report.isPartial()) {
            return Step.done(fields);
        }
        ObjectNode state = carried.deepCopy();
        state.set("frontier", JSON.valueToTree(report.state()));
        state.set("articles", sink.toJson());
        return Step.partial(state, fields);
    }

    private static ObjectNode fields(ObjectNode carried, ArticleSink sink) {
        ObjectNode fields = CommandOutcome.noFields();
        fields.set("sitemaps", carried.path("sitemaps").isArray() ? carried.get("sitemaps").deepCopy()
                : fields.arrayNode());
        fields.put("urlCount", carried.path("urlCount").asLong());
        return sink.putFields(fields);
    }

    private static boolean fetchArticles(CrawlSession session) {
        return !session.request().hasArg("fetchArticles") || session.request().booleanArg("fetchArticles");
    }

    private static FrontierState frontier(JsonNode previous) throws CommandException {
        try {
            return FrontierState.fromJson(previous.path("frontier").toString());
        } catch (JsonProcessingException e) {
            throw CommandException.fatal("the saved crawl frontier cannot be read: " + e.getOriginalMessage());
        }
    }
}
