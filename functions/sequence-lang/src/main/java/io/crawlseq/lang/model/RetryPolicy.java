package io.crawlseq.lang.model;

/**
 * How a step retries transient failures (timeouts, throttling, 429/5xx) before it counts as failed.
 * Maps one-to-one onto an ASL Retrier.
 *
 * @param maxAttempts      retries after the first attempt; 0 disables retrying
 * @param intervalSeconds  wait before the first retry
 * @param backoffRate      multiplier applied to the wait after each retry (≥ 1)
 * @param maxDelaySeconds  cap on any single wait
 * @param jitter           randomise waits ({@code FULL} jitter) so retries of many steps spread out
 */
public record RetryPolicy(int maxAttempts, int intervalSeconds, double backoffRate, int maxDelaySeconds,
                          boolean jitter) {

    /** Used for every step that does not say otherwise. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 2, 2.0, 60, true);

    public RetryPolicy {
        if (maxAttempts < 0 || intervalSeconds < 1 || backoffRate < 1.0 || maxDelaySeconds < intervalSeconds) {
            throw new IllegalArgumentException("invalid retry policy: " + maxAttempts + "/" + intervalSeconds
                    + "/" + backoffRate + "/" + maxDelaySeconds);
        }
    }
}
