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
