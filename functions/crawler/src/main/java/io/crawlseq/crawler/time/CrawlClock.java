package io.crawlseq.crawler.time;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The time the crawler's waits are measured in: politeness delays, crawl-delay, Retry-After,
 * backoff between retries and crawl deadlines. Injected so tests run a crawl of "minutes" in
 * milliseconds with a {@link ManualClock} and never sleep.
 *
 * <p>Not covered: the per-response connect and total time caps of a fetch. Those bound real socket
 * I/O and use real time whatever the clock.
 */
public interface CrawlClock {

    /** Monotonic milliseconds (arbitrary origin); only differences matter. */
    long nowMillis();

    /** Wall-clock instant, for timestamps in results. */
    Instant instant();

    /** Waits until {@link #nowMillis()} reaches {@code millis}. */
    void sleepUntil(long millis) throws InterruptedException;

    /**
     * Waits for the next element of {@code queue}, but not past {@code untilMillis}
     * ({@link Long#MAX_VALUE}: no limit). Returns null when the time came first. Callers use it
     * while work is in flight, so something will arrive.
     */
    <T> T poll(BlockingQueue<T> queue, long untilMillis) throws InterruptedException;

    /** The real clock. */
    static CrawlClock system() {
        return SystemClock.INSTANCE;
    }

    /** Real time. */
    final class SystemClock implements CrawlClock {
        static final SystemClock INSTANCE = new SystemClock();

        private SystemClock() {
        }

        @Override
        public long nowMillis() {
            return System.nanoTime() / 1_000_000L;
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public void sleepUntil(long millis) throws InterruptedException {
            long wait = millis - nowMillis();
            if (wait > 0) {
                TimeUnit.MILLISECONDS.sleep(wait);
            }
        }

        @Override
        public <T> T poll(BlockingQueue<T> queue, long untilMillis) throws InterruptedException {
            if (untilMillis == Long.MAX_VALUE) {
                return queue.take();
            }
            return queue.poll(Math.max(0, untilMillis - nowMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
