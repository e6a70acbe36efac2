package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.Crawler;

/**
 * Runs {@link Stepwise} work to a deadline on the crawler's clock. A step starts only if the
 * deadline has not passed and the host will be ready before it (a host paused by a Retry-After
 * past the deadline ends the invocation at once instead of waiting through it).
 */
public final class WorkLoop {

    private WorkLoop() {
    }

    /**
     * @param deadlineMillis crawler-clock time after which no step starts ({@link Long#MAX_VALUE}: none)
     * @return true when the work is done, false when the deadline came first
     */
    public static boolean run(Stepwise work, Crawler crawler, long deadlineMillis) {
        while (!work.done()) {
            if (Thread.currentThread().isInterrupted() || !mayStart(work, crawler, deadlineMillis)) {
                return false;
            }
            work.step(crawler);
        }
        return true;
    }

    /**
     * When the host may next be asked (politeness delay, Retry-After pause), as a wall-clock time, so
     * that a continuation in a new invocation, with a new crawler, still waits for it.
     */
    public static long hostReadyAtEpochMillis(Crawler crawler, String host) {
        long readyAt = crawler.hosts().readyAt(host);
        long now = crawler.clock().nowMillis();
        long wait = readyAt == Long.MAX_VALUE ? 0 : Math.max(0, readyAt - now);
        return crawler.clock().instant().toEpochMilli() + wait;
    }

    /** Makes a fresh crawler wait for the host until a time saved by {@link #hostReadyAtEpochMillis}. */
    public static void restoreHostReadyAt(Crawler crawler, String host, long epochMillis) {
        long wait = epochMillis - crawler.clock().instant().toEpochMilli();
        if (wait > 0 && !host.isEmpty()) {
            crawler.hosts().pauseUntil(host, crawler.clock().nowMillis() + wait);
        }
    }

    private static boolean mayStart(Stepwise work, Crawler crawler, long deadlineMillis) {
        if (deadlineMillis == Long.MAX_VALUE) {
            return true;
        }
        if (crawler.clock().nowMillis() >= deadlineMillis) {
            return false;
        }
        String host = work.nextHost();
        return host.isEmpty() || crawler.hosts().readyAt(host) < deadlineMillis;
    }
}
