package io.crawlseq.engine.asl;

import java.util.List;

/**
 * One element of {@code Retry}, defaults filled in as AWS documents them: IntervalSeconds 1,
 * MaxAttempts 3 (0 = never retry), BackoffRate 2.0, no MaxDelaySeconds, JitterStrategy NONE.
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {

    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    public enum JitterStrategy { FULL, NONE }
}
