package io.crawlseq.crawler.politeness;

import java.util.random.RandomGenerator;

/**
 * Retries of transient failures (timeouts, resets, 429, 408, 500/502/503/504): exponential backoff
 * with full jitter (a uniformly random wait between 0 and {@code min(maxDelay, base * 2^(n-1))}),
 * which spreads retries from many workers instead of synchronising them.
 *
 * @param maxAttempts  attempts in total, the first included (1: no retries)
 * @param baseDelayMs  backoff ceiling of the first retry
 * @param maxDelayMs   backoff ceiling of any retry
 */
public record RetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs) {

    public RetryPolicy {
        if (maxAttempts < 1 || baseDelayMs < 0 || maxDelayMs < baseDelayMs) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 1000, 30_000);
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, 0, 0);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (≥ 1). */
    public long backoffMs(int attempt, RandomGenerator random) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(maxDelayMs, baseDelayMs << exponent);
        if (ceiling <= 0) {
            return 0;
        }
        synchronized (random) {
            return random.nextLong(ceiling + 1);
        }
    }
}
