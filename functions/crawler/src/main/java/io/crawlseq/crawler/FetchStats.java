package io.crawlseq.crawler;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Counters of everything a {@link Crawler} fetched, and of the URLs its crawls finished with.
 * Thread-safe.
 */
public final class FetchStats {

    /**
     * A consistent-enough copy of the counters.
     *
     * @param processed         URLs crawls finished with (each once, after its retries; robots.txt refusals included)
     * @param processedFailures those that ended in a failure outcome (what a crawl reports as failures)
     */
    public record Snapshot(long fetches, long robotsFetches, long responses, long wireBytes, long bodyBytes,
                           Map<FetchOutcome, Long> outcomes, long processed, long processedFailures) {

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
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong processedFailures = new AtomicLong();
    private final List<Consumer<FetchResult>> processedListeners = new CopyOnWriteArrayList<>();

    /** Counts a fetch (robots.txt fetches separately). Everything that fetches for a {@code Crawler} reports here. */
    public void record(FetchResult result, boolean robots) {
        (robots ? robotsFetches : fetches).incrementAndGet();
        responses.addAndGet(result.chain().stream().filter(h -> h.status() > 0).count());
        wireBytes.addAndGet(result.wireBytes());
        bodyBytes.addAndGet(result.bodyBytes());
        outcomes.incrementAndGet(result.outcome().ordinal());
    }

    /**
     * Counts a URL a crawl is done with (its final result after retries, or a robots.txt refusal) and
     * hands the result to the {@link #onProcessed} listeners, on the crawl's thread, in the crawl's order.
     */
    public void recordProcessed(FetchResult result) {
        processed.incrementAndGet();
        if (result.outcome().isFailure()) {
            processedFailures.incrementAndGet();
        }
        for (Consumer<FetchResult> listener : processedListeners) {
            listener.accept(result);
        }
    }

    /**
     * Calls {@code listener} with every result {@link #recordProcessed} counts (a command keeps its
     * fetched-page index this way). Listeners run on the crawl's thread: keep them quick.
     */
    public void onProcessed(Consumer<FetchResult> listener) {
        processedListeners.add(listener);
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
                Map.copyOf(byOutcome), processed.get(), processedFailures.get());
    }
}
