package io.crawlseq.crawler.robots;

import io.crawlseq.crawler.fetch.ContentKind;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.fetch.Fetcher;
import io.crawlseq.crawler.fetch.RobotsGate;
import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * robots.txt rules per origin, fetched once and reused for {@link RobotsPolicy#ttl()} (or
 * {@link RobotsPolicy#errorTtl()} after a failure). Concurrent callers for the same origin share
 * one fetch. The loader is any {@link Fetcher}; robots.txt requests themselves skip the robots check.
 */
public final class RobotsCache implements RobotsGate {

    private record Entry(RobotsRules rules, long expiresAt, FetchResult fetch) {
    }

    private final RobotsPolicy policy;
    private final RobotsParser parser;
    private final Fetcher fetcher;
    private final CrawlClock clock;
    private final Map<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
    private volatile Consumer<FetchResult> fetchListener = r -> { };

    public RobotsCache(RobotsPolicy policy, Fetcher fetcher, CrawlClock clock) {
        this.policy = policy;
        this.parser = new RobotsParser(policy.productToken());
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Called with every robots.txt fetch result (for request counting). */
    public void onFetch(Consumer<FetchResult> listener) {
        this.fetchListener = listener;
    }

    @Override
    public boolean allows(WebUrl url) {
        return rulesFor(url).isAllowed(url);
    }

    /** Whether rules for the URL's origin are cached and fresh (no fetch needed). */
    public boolean isCached(WebUrl url) {
        CompletableFuture<Entry> future = entries.get(url.origin());
        return future != null && future.isDone() && !future.isCompletedExceptionally()
                && future.join().expiresAt > clock.nowMillis();
    }

    /** The rules for the URL's origin, fetching robots.txt if needed (blocking). */
    public RobotsRules rulesFor(WebUrl url) {
        if (!policy.obey()) {
            return RobotsParser.ignored();
        }
        String origin = url.origin();
        while (true) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> existing = entries.putIfAbsent(origin, mine);
            if (existing == null) {
                try {
                    Entry entry = load(origin);
                    mine.complete(entry);
                    return entry.rules;
                } catch (RuntimeException | Error e) {
                    entries.remove(origin, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            Entry entry = await(existing);
            if (entry != null && entry.expiresAt > clock.nowMillis()) {
                return entry.rules;
            }
            entries.remove(origin, existing);
        }
    }

    private Entry await(CompletableFuture<Entry> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Entry(RobotsParser.unreachable("interrupted while waiting for robots.txt"), 0, null);
        } catch (ExecutionException e) {
            return null;
        }
    }

    private Entry load(String origin) {
        String robotsUrl = origin + "/robots.txt";
        WebUrl url = UrlParser.parse(robotsUrl).orElseThrow();
        FetchRequest request = FetchRequest.of(url, ContentKind.ROBOTS)
                .withCheckRobots(false)
                .withConditional(false)
                .withMaxRedirects(policy.maxRedirects())
                .withMaxBytes(0, true);
        FetchResult result = fetcher.fetch(request);
        fetchListener.accept(result);
        RobotsRules rules = parser.fromFetch(robotsUrl, result);
        long ttl = rules.status() == RobotsRules.Status.UNREACHABLE ? policy.errorTtl().toMillis() : policy.ttl().toMillis();
        return new Entry(rules, clock.nowMillis() + ttl, result);
    }

    /** Forgets everything (tests, or a new crawl that must re-read robots.txt). */
    public void clear() {
        entries.clear();
    }
}
