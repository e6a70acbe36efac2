package io.crawlseq.crawler;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of everything a {@link Crawler} fetched. Thread-safe. */
public final class FetchStats {

    /** A consistent-enough copy of the counters. */
    public record Snapshot(long fetches, long robotsFetches, long responses, long wireBytes, long bodyBytes,
                           Map<FetchOutcome, Long> outcomes) {

        /** Fetches that ended in a failure outcome. */
        public long failures() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().isFailure()).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong robotsFetches = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong wireBytes = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLongArray outcomes = new AtomicLongArray(FetchOutcome.values().length);

    /** Counts a fetch (robots.txt fetches separately). Everything that fetches for a {@code Crawler} reports here. */
    public void record(FetchResult result, boolean robots) {
        (robots ? robotsFetches : fetches).incrementAndGet();
        responses.addAndGet(result.chain().stream().filter(h -> h.status() > 0).count());
        wireBytes.addAndGet(result.wireBytes());
        bodyBytes.addAndGet(result.bodyBytes());
        outcomes.incrementAndGet(result.outcome().ordinal());
    }

    public Snapshot snapshot() {
        Map<FetchOutcome, Long> byOutcome = new EnumMap<>(FetchOutcome.class);
        for (FetchOutcome outcome : FetchOutcome.values()) {
            long n = outcomes.get(outcome.ordinal());
            if (n > 0) {
                byOutcome.put(outcome, n);
            }
        }
        return new Snapshot(fetches.get(), robotsFetches.get(), responses.get(), wireBytes.get(), bodyBytes.get(),
                Map.copyOf(byOutcome));
    }
}
