package io.crawlseq.crawler;

import io.crawlseq.crawler.fetch.FetchPolicy;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.politeness.RetryPolicy;
import io.crawlseq.crawler.robots.RobotsPolicy;
import io.crawlseq.crawler.time.CrawlClock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link Crawler} needs to know, as one immutable value with fluent modifiers.
 *
 * <pre>{@code
 * CrawlerConfig config = CrawlerConfig.defaults()
 *         .allowList(AllowList.parse(List.of("127.0.0.1:8123")).allowList())
 *         .politeness(Politeness.defaults().delayMs(0));
 * }</pre>
 *
 * @param fetch      user agent, SSRF allow-list, time and byte caps, TLS, conditional-request memory
 * @param politeness per-host delay and concurrency, caps on Crawl-delay and Retry-After
 * @param retry      retries of transient failures
 * @param robots     robots.txt use (product token, cache TTLs)
 * @param clock      the time politeness, backoff and deadlines are measured in
 * @param randomSeed seed of the jitter in backoff (timing only; results never depend on it)
 */
public record CrawlerConfig(FetchPolicy fetch, Politeness politeness, RetryPolicy retry, RobotsPolicy robots,
                            CrawlClock clock, long randomSeed) {

    public CrawlerConfig {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(politeness, "politeness");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(robots, "robots");
        Objects.requireNonNull(clock, "clock");
    }

    public static CrawlerConfig defaults() {
        return new CrawlerConfig(FetchPolicy.defaults(), Politeness.defaults(), RetryPolicy.defaults(),
                RobotsPolicy.defaults(), CrawlClock.system(), 1);
    }

    /** Sets the User-Agent and matches robots.txt on its product token (the text before the first '/'). */
    public CrawlerConfig userAgent(String userAgent) {
        return new CrawlerConfig(fetch.userAgent(userAgent), politeness, retry,
                robots.productToken(productToken(userAgent)), clock, randomSeed);
    }

    public CrawlerConfig allowList(AllowList allowList) {
        return fetch(fetch.allowList(allowList));
    }

    /** Adds the hosts of {@value AllowList#ENVIRONMENT_VARIABLE}; bad entries are returned as errors. */
    public AllowList.Parsed allowListFromEnvironment(Map<String, String> environment) {
        return AllowList.fromEnvironment(environment);
    }

    public CrawlerConfig fetch(FetchPolicy value) {
        return new CrawlerConfig(value, politeness, retry, robots, clock, randomSeed);
    }

    public CrawlerConfig politeness(Politeness value) {
        return new CrawlerConfig(fetch, value, retry, robots, clock, randomSeed);
    }

    public CrawlerConfig retry(RetryPolicy value) {
        return new CrawlerConfig(fetch, politeness, value, robots, clock, randomSeed);
    }

    public CrawlerConfig robots(RobotsPolicy value) {
        return new CrawlerConfig(fetch, politeness, retry, value, clock, randomSeed);
    }

    public CrawlerConfig clock(CrawlClock value) {
        return new CrawlerConfig(fetch, politeness, retry, robots, value, randomSeed);
    }

    public CrawlerConfig randomSeed(long value) {
        return new CrawlerConfig(fetch, politeness, retry, robots, clock, value);
    }

    static String productToken(String userAgent) {
        String token = userAgent.strip();
        int end = 0;
        while (end < token.length() && (Character.isLetterOrDigit(token.charAt(end)) || token.charAt(end) == '-'
                || token.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? RobotsPolicy.DEFAULT_TOKEN : token.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
