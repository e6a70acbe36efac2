package io.crawlseq.crawler.time;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when someone waits on it: {@link #sleepUntil} jumps to the target at once.
 * A crawl driven by it takes no real time for politeness, backoff or Retry-After, and its virtual
 * timeline is reproducible: with one host and one request per host in flight, every request starts
 * at the same virtual time on every run. Thread-safe.
 *
 * <p>{@link #poll} waits for real work (responses in flight) without moving time, because moving
 * time while a response is on its way would make the timeline depend on the machine's speed.
 */
public final class ManualClock implements CrawlClock {

    private final AtomicLong now;
    private final Instant epoch;

    public ManualClock() {
        this(0, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualClock(long startMillis, Instant epoch) {
        this.now = new AtomicLong(startMillis);
        this.epoch = epoch;
    }

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public Instant instant() {
        return epoch.plusMillis(now.get());
    }

    /** Moves time forward. */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time does not go back: " + millis);
        }
        now.addAndGet(millis);
    }

    @Override
    public void sleepUntil(long millis) {
        now.accumulateAndGet(millis, Math::max);
    }

    @Override
    public <T> T poll(BlockingQueue<T> queue, long untilMillis) throws InterruptedException {
        return queue.take();
    }
}
