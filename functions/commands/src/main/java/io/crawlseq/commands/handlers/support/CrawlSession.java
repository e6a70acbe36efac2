package io.crawlseq.commands.handlers.support;

import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.CrawlProgress;
import io.crawlseq.crawler.url.WebUrl;
import io.crawlseq.store.Hub;
import io.crawlseq.store.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One invocation of a crawling command: its crawler (created for the invocation, closed with the
 * session), the target site, the deadline in the crawler's clock, live progress, and what the
 * invocation learned, written to the store by {@link #flush()} (fetched pages, hubs, articles).
 */
public final class CrawlSession implements AutoCloseable {

    private final CommandRequest request;
    private final CommandServices services;
    private final Crawler crawler;
    private final WebUrl start;
    private final SiteId site;
    private final long deadlineMillis;
    private final PageIndex pages;
    private final List<Hub> hubs = new ArrayList<>();
    private final List<ArticleSink> articleSinks = new ArrayList<>();

    CrawlSession(CommandRequest request, CommandServices services, Crawler crawler, WebUrl start) {
        this.request = request;
        this.services = services;
        this.crawler = crawler;
        this.start = start;
        this.site = SiteId.ofUrl(start.toString());
        long remaining = Math.max(0, Duration.between(services.clock().instant(), request.deadline()).toMillis());
        // the request's deadline is in the services' clock; the crawler measures time in its own
        this.deadlineMillis = crawler.clock().nowMillis() + remaining;
        this.pages = new PageIndex(services.clock(), start.toString());
        crawler.stats().onProcessed(pages::add);
    }

    public CommandRequest request() {
        return request;
    }

    public CommandServices services() {
        return services;
    }

    public Crawler crawler() {
        return crawler;
    }

    /** The normalised start URL. */
    public WebUrl start() {
        return start;
    }

    /** The site crawl results are recorded under ({@code host[:port]} of the start URL). */
    public SiteId site() {
        return site;
    }

    /** Crawler-clock time after which no request starts. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    public PageIndex pages() {
        return pages;
    }

    /** This invocation's counters so far. */
    public CrawlCounters counters() {
        return CrawlCounters.of(crawler.stats().snapshot());
    }

    /** Crawl progress as a short line for the terminal or the log. */
    public Consumer<CrawlProgress> progress() {
        return p -> report(String.format(Locale.ROOT, "%d pages fetched, %d failed, %d waiting",
                p.downloads(), p.failures(), p.frontier()));
    }

    public void report(String what) {
        services.progress().update(request.historyStepId(), what);
    }

    /** The checks before any crawl ({@link Preflight}): a refusal is the failed result to return. */
    public Optional<Preflight.Refusal> preflight() {
        return Preflight.check(crawler, start);
    }

    /** Hubs to record for the site when the invocation ends. */
    public void recordHubs(Collection<Hub> found) {
        hubs.addAll(found);
    }

    /**
     * The sink for the stories this invocation finds, carrying on from {@code carried} (what an
     * earlier invocation's {@link ArticleSink#toJson()} saved; missing node for none).
     *
     * @param storeBodies also store each story's page body (content-addressed blob)
     */
    public ArticleSink articleSink(com.fasterxml.jackson.databind.JsonNode carried, boolean storeBodies) {
        ArticleSink sink = ArticleSink.restore(this, carried, storeBodies);
        articleSinks.add(sink);
        return sink;
    }

    /** Writes what the invocation learned: the fetched-page index, hubs and articles. */
    public void flush() throws CommandException {
        Instant now = services.clock().instant();
        String runId = request.runId();
        for (ArticleSink sink : articleSinks) {
            sink.rethrowBodyFailure();
        }
        StoreWrites.run("record the fetched pages of " + site, () ->
                pages.pages().forEach(p -> services.storage().crawl().putPage(site, p)));
        StoreWrites.run("record the hubs of " + site, () ->
                hubs.forEach(h -> services.storage().crawl().putHub(site, h, runId, now)));
        for (ArticleSink sink : articleSinks) {
            StoreWrites.run("record the articles of " + site, () ->
                    sink.fresh().forEach(a -> services.storage().crawl().putArticle(site, a, runId, now)));
        }
    }

    @Override
    public void close() {
        crawler.close();
    }
}
