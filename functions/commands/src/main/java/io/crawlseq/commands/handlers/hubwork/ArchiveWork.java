package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.archive.ArchiveCrawl;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.store.Article;
import io.crawlseq.store.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * An {@link ArchiveCrawl} as a handler's work: the stories go to the store as they are found, the
 * first ones stay as result records; the command decides its own result fields.
 */
public final class ArchiveWork implements LongCrawlHandler.Work {

    /** A command's result fields from the crawl and the article records kept. */
    @FunctionalInterface
    public interface Fields {
        ObjectNode of(ArchiveCrawl crawl, ArrayNode articles);
    }

    private final ArchiveCrawl crawl;
    private final ArticleCollector articles;
    private final Fields fields;

    private ArchiveWork(ArchiveCrawl.State state, ArticleCollector articles, Fields fields) {
        this.articles = articles;
        this.crawl = ArchiveCrawl.resume(state, articles);
        this.fields = fields;
    }

    public static ArchiveWork start(List<String> hubUrls, ArchiveCrawl.Options options, Fields fields) {
        ArchiveCrawl.State state = ArchiveCrawl.start(hubUrls, options, r -> { }).state();
        return new ArchiveWork(state, ArticleCollector.empty(), fields);
    }

    public static ArchiveWork resume(JsonNode saved, Fields fields) throws CommandException {
        ArchiveCrawl.State state = StateTrees.read(saved.path("crawl"), ArchiveCrawl.State::fromJson, "archive crawl");
        return new ArchiveWork(state, ArticleCollector.restore(saved.path("articles")), fields);
    }

    public ArchiveCrawl crawl() {
        return crawl;
    }

    @Override
    public boolean run(Crawler crawler, long deadlineMillis) {
        return WorkLoop.run(crawl, crawler, deadlineMillis);
    }

    @Override
    public JsonNode state() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("crawl", StateTrees.tree(crawl.state().toJson()));
        o.set("articles", articles.toJson());
        return o;
    }

    @Override
    public ObjectNode fields() {
        return fields.of(crawl, articles.articles());
    }

    @Override
    public void record(CommandServices services, SiteId site, String runId, Instant now) {
        for (Article a : articles.fresh()) {
            services.storage().crawl().putArticle(site, a, runId, now);
        }
    }

    @Override
    public String host() {
        List<ArchiveCrawl.HubOutcome> hubs = crawl.hubs();
        return hubs.isEmpty() ? "" : UrlParser.parse(hubs.get(0).hubUrl()).toOptional().map(u -> u.host()).orElse("");
    }
}
