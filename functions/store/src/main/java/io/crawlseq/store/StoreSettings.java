package io.crawlseq.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a store backend.
 *
 * @param runRetention          how long run and step records live (TTL), default 90 days
 * @param metricsRetention      how long daily metrics live (TTL), default 400 days
 * @param continuationRetention how long an abandoned continuation lives (TTL), default 7 days
 * @param inlineJsonLimitBytes  JSON values (run input, step args and results, continuation state) larger
 *                              than this go to the blob store, the item keeps the key; default 64 KiB
 * @param clock                 the time source for TTLs and leases
 */
public record StoreSettings(Duration runRetention, Duration metricsRetention, Duration continuationRetention,
                            int inlineJsonLimitBytes, Clock clock) {

    public static final int DEFAULT_INLINE_JSON_LIMIT = 64 * 1024;
    /** Keeps three inline JSON values plus keys well under DynamoDB's 400 KB item limit. */
    public static final int MAX_INLINE_JSON_LIMIT = 100 * 1024;

    public StoreSettings {
        requirePositive("runRetention", runRetention);
        requirePositive("metricsRetention", metricsRetention);
        requirePositive("continuationRetention", continuationRetention);
        if (inlineJsonLimitBytes < 1 || inlineJsonLimitBytes > MAX_INLINE_JSON_LIMIT) {
            throw new IllegalArgumentException("inlineJsonLimitBytes must be between 1 and " + MAX_INLINE_JSON_LIMIT);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofDays(90), Duration.ofDays(400), Duration.ofDays(7),
                DEFAULT_INLINE_JSON_LIMIT, Clock.systemUTC());
    }

    public StoreSettings withRunRetention(Duration value) {
        return new StoreSettings(value, metricsRetention, continuationRetention, inlineJsonLimitBytes, clock);
    }

    public StoreSettings withInlineJsonLimitBytes(int value) {
        return new StoreSettings(runRetention, metricsRetention, continuationRetention, value, clock);
    }

    public StoreSettings withClock(Clock value) {
        return new StoreSettings(runRetention, metricsRetention, continuationRetention, inlineJsonLimitBytes, value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
