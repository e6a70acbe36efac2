package io.crawlseq.crawler;

import io.crawlseq.crawler.fetch.ContentKind;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.fetch.Fetcher;
import io.crawlseq.crawler.fetch.HttpFetcher;
import io.crawlseq.crawler.politeness.HostScheduler;
import io.crawlseq.crawler.robots.RobotsCache;
import io.crawlseq.crawler.robots.RobotsParser;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapOptions;
import io.crawlseq.crawler.sitemap.SitemapParser;
import io.crawlseq.crawler.sitemap.SitemapReader;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.robots.RobotsRules;
import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The crawler's front door: one per crawl (or per command invocation), sharing politeness state,
 * robots.txt rules, conditional-request memory and an HTTP client between everything it does.
 *
 * <pre>{@code
 * try (Crawler crawler = Crawler.create(CrawlerConfig.defaults())) {
 *     FetchResult page = crawler.fetch("https://www.example.com/world");
 *     RobotsRules robots = crawler.robots(page.finalUrl());
 * }
 * }</pre>
 *
 * <p>{@link #fetch(FetchRequest)} is polite: it reads robots.txt first (under the host's politeness),
 * waits for the host's turn, and retries transient failures with backoff. The crawl loop
 * ({@code io.crawlseq.crawler.crawl.Crawl}) uses the same pieces without blocking. Thread-safe.
 */
public final class Crawler implements Fetcher, AutoCloseable {

    private final CrawlerConfig config;
    private final HttpFetcher base;
    private final HttpFetcher http;
    private final RobotsCache robots;
    private final HostScheduler hosts;
    private final FetchStats stats = new FetchStats();
    private final RandomGenerator random;
    private final UrlNormalizer normalizer = UrlNormalizer.standard();

    private Crawler(CrawlerConfig config) {
        this.config = config;
        this.base = new HttpFetcher(config.fetch(), config.clock(), null);
        this.robots = new RobotsCache(config.robots(), base, config.clock());
        this.robots.onFetch(result -> stats.record(result, true));
        this.http = base.withRobots(robots);
        this.hosts = new HostScheduler(config.politeness(), config.clock());
        this.random = new SplittableRandom(config.randomSeed());
    }

    public static Crawler create(CrawlerConfig config) {
        return new Crawler(config);
    }

    public CrawlerConfig config() {
        return config;
    }

    public CrawlClock clock() {
        return config.clock();
    }

    public FetchStats stats() {
        return stats;
    }

    public HostScheduler hosts() {
        return hosts;
    }

    public RobotsCache robotsCache() {
        return robots;
    }

    /** The underlying fetcher: SSRF guard, redirects, caps and robots per hop, but no politeness or retries. */
    public HttpFetcher httpFetcher() {
        return http;
    }

    public UrlNormalizer normalizer() {
        return normalizer;
    }

    /** Normalises a URL given by a user or a page; invalid URLs are values, not exceptions. */
    public UrlResult url(String url) {
        return normalizer.normalize(url);
    }

    /** Politely fetches an HTML page. An invalid URL gives a blocked-by-policy result. */
    public FetchResult fetch(String url) {
        return fetch(url, ContentKind.PAGE);
    }

    /** Politely fetches a URL expecting the given kind of content. */
    public FetchResult fetch(String url, ContentKind kind) {
        UrlResult parsed = normalizer.normalize(url);
        if (parsed instanceof UrlResult.Invalid invalid) {
            return new FetchResult(url, FetchOutcome.BLOCKED_BY_POLICY, invalid.message(), List.of(), url, 0, Map.of(),
                    "", StandardCharsets.UTF_8, null, 0, 0, config.clock().instant(), Duration.ZERO, false, null);
        }
        return fetch(FetchRequest.of(parsed.orElseThrow(), kind));
    }

    /**
     * Politely fetches: robots.txt rules loaded first (their fetch counts as a request to the host),
     * then the request when the host's turn comes, retried on transient failures (timeouts, resets,
     * 429, 5xx) with exponential backoff and full jitter, honouring Retry-After (capped).
     */
    @Override
    public FetchResult fetch(FetchRequest request) {
        WebUrl url = request.url();
        String host = url.host();
        try {
            if (request.checkRobots()) {
                RobotsRules rules = robotsFor(url);
                if (!rules.isAllowed(url)) {
                    return blockedByRobots(request, rules);
                }
            }
            FetchResult result = null;
            for (int attempt = 1; attempt <= config.retry().maxAttempts(); attempt++) {
                hosts.acquire(host);
                try {
                    result = http.fetch(request);
                } finally {
                    hosts.finish(host, result);
                }
                stats.record(result, false);
                if (!result.retryable() || attempt == config.retry().maxAttempts()) {
                    return result;
                }
                hosts.pauseUntil(host, config.clock().nowMillis() + backoffMs(attempt, result));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult(url.toString(), FetchOutcome.NETWORK_ERROR, "interrupted", List.of(), url.toString(),
                    0, Map.of(), "", StandardCharsets.UTF_8, null, 0, 0, config.clock().instant(), Duration.ZERO, true,
                    null);
        }
    }

    /**
     * Politely fetches with a single attempt: robots.txt first, then the request when the host's
     * turn comes, but no retry. A transient failure (429, 503, timeout) comes back as it is, the
     * host already slowed down and paused for its Retry-After; callers that work to a deadline use
     * this to decide themselves when to try again instead of blocking through the backoff.
     */
    public FetchResult fetchOnce(FetchRequest request) {
        WebUrl url = request.url();
        String host = url.host();
        try {
            if (request.checkRobots()) {
                RobotsRules rules = robotsFor(url);
                if (!rules.isAllowed(url)) {
                    return blockedByRobots(request, rules);
                }
            }
            FetchResult result = null;
            hosts.acquire(host);
            try {
                result = http.fetch(request);
            } finally {
                hosts.finish(host, result);
            }
            stats.record(result, false);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult(url.toString(), FetchOutcome.NETWORK_ERROR, "interrupted", List.of(), url.toString(),
                    0, Map.of(), "", StandardCharsets.UTF_8, null, 0, 0, config.clock().instant(), Duration.ZERO, true,
                    null);
        }
    }

    /** The wait before the next attempt: jittered exponential backoff, at least the capped Retry-After. */
    public long backoffMs(int failedAttempts, FetchResult result) {
        long backoff = config.retry().backoffMs(failedAttempts, random);
        if (result.retryAfter() != null) {
            backoff = Math.max(backoff, Math.min(result.retryAfter().toMillis(), config.politeness().maxRetryAfterMs()));
        }
        return backoff;
    }

    /**
     * robots.txt rules for the URL's origin, fetched politely when not cached; records the
     * Crawl-delay for the host. When interrupted: the "unreachable" rules (disallow all).
     */
    public RobotsRules robots(WebUrl url) {
        try {
            return robotsFor(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotsParser.unreachable("interrupted");
        }
    }

    /** robots.txt rules for a URL given as text; null when the URL is invalid. */
    public RobotsRules robots(String url) {
        UrlResult parsed = normalizer.normalize(url);
        return parsed instanceof UrlResult.Valid valid ? robots(valid.url()) : null;
    }

    /**
     * Finds and reads the site's sitemaps: robots.txt {@code Sitemap:} lines, else
     * {@code /sitemap.xml} (then {@code /sitemap_index.xml}); indexes expanded within the options;
     * page URLs outside the site's scope dropped. All fetches polite and guarded.
     */
    public SitemapDiscovery sitemaps(WebUrl site, SitemapOptions options) {
        return sitemaps(site, SiteScope.of(site)::contains, options);
    }

    public SitemapDiscovery sitemaps(WebUrl site, Predicate<WebUrl> pageScope, SitemapOptions options) {
        RobotsRules rules = robots(site);
        SitemapReader reader = new SitemapReader(this, sitemapParser());
        return reader.discover(rules.sitemaps(), site, pageScope, options);
    }

    /** A sitemap parser with this crawler's caps. */
    public SitemapParser sitemapParser() {
        return new SitemapParser(config.fetch().maxSitemapBytes(), 50_000);
    }

    private RobotsRules robotsFor(WebUrl url) throws InterruptedException {
        RobotsRules rules;
        if (robots.isCached(url) || !config.robots().obey()) {
            rules = robots.rulesFor(url);
        } else {
            hosts.acquire(url.host());
            try {
                rules = robots.rulesFor(url);
            } finally {
                hosts.finish(url.host(), null);
            }
        }
        hosts.setCrawlDelay(url.host(), rules.crawlDelayMs());
        return rules;
    }

    private FetchResult blockedByRobots(FetchRequest request, RobotsRules rules) {
        String url = request.url().toString();
        return new FetchResult(url, FetchOutcome.BLOCKED_BY_ROBOTS,
                rules.status() == RobotsRules.Status.UNREACHABLE ? rules.detail() : "disallowed by robots.txt",
                List.of(), url, 0, Map.of(), "", StandardCharsets.UTF_8, null, 0, 0, config.clock().instant(),
                Duration.ZERO, false, null);
    }

    @Override
    public void close() {
        base.close();
    }
}
