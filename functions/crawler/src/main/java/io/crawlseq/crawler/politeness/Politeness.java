package io.crawlseq.crawler.politeness;

/**
 * How gently one host is treated.
 *
 * @param delayMs              minimum time between the starts of two requests to one host (0: no delay, for benchmarks)
 * @param maxConcurrentPerHost requests in flight to one host at most
 * @param maxCrawlDelayMs      a robots.txt Crawl-delay above this is capped to it (a site asking for an hour would stall a crawl)
 * @param maxRetryAfterMs      a Retry-After above this is capped to it
 * @param maxSlowdownFactor    after 429/503 a host's delay is multiplied, doubling per signal up to this factor
 */
public record Politeness(long delayMs, int maxConcurrentPerHost, long maxCrawlDelayMs, long maxRetryAfterMs,
                         int maxSlowdownFactor) {

    public Politeness {
        if (delayMs < 0 || maxConcurrentPerHost < 1 || maxCrawlDelayMs < 0 || maxRetryAfterMs < 0 || maxSlowdownFactor < 1) {
            throw new IllegalArgumentException("invalid politeness " + delayMs + "/" + maxConcurrentPerHost);
        }
    }

    /** About one request per second per host, one at a time, Crawl-delay obeyed up to 30 s. */
    public static Politeness defaults() {
        return new Politeness(1000, 1, 30_000, 120_000, 16);
    }

    /** No delay (benchmarks and tests against loopback fixtures only). */
    public static Politeness none() {
        return new Politeness(0, Integer.MAX_VALUE / 2, 30_000, 120_000, 16);
    }

    public Politeness delayMs(long value) {
        return new Politeness(value, maxConcurrentPerHost, maxCrawlDelayMs, maxRetryAfterMs, maxSlowdownFactor);
    }

    public Politeness maxConcurrentPerHost(int value) {
        return new Politeness(delayMs, value, maxCrawlDelayMs, maxRetryAfterMs, maxSlowdownFactor);
    }

    public Politeness maxCrawlDelayMs(long value) {
        return new Politeness(delayMs, maxConcurrentPerHost, value, maxRetryAfterMs, maxSlowdownFactor);
    }

    public Politeness maxRetryAfterMs(long value) {
        return new Politeness(delayMs, maxConcurrentPerHost, maxCrawlDelayMs, value, maxSlowdownFactor);
    }
}
