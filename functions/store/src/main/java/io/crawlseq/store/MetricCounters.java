package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;

/**
 * Per-command counters: added atomically to a day's totals by {@link MetricsStore#record}, and read back as
 * those totals.
 *
 * @param invocations command invocations (each continuation of a long crawl counts)
 * @param failures    invocations that ended failed
 * @param durationMs  total wall-clock time of the invocations
 * @param pages       HTTP responses received
 * @param bytes       body bytes received
 */
public record MetricCounters(long invocations, long failures, long durationMs, long pages, long bytes) {

    public static final MetricCounters ZERO = new MetricCounters(0, 0, 0, 0, 0);

    public MetricCounters {
        Checks.nonNegative("invocations", invocations);
        Checks.nonNegative("failures", failures);
        Checks.nonNegative("durationMs", durationMs);
        Checks.nonNegative("pages", pages);
        Checks.nonNegative("bytes", bytes);
    }

    /** The counters one finished invocation adds. */
    public static MetricCounters invocation(boolean failed, long durationMs, long pages, long bytes) {
        return new MetricCounters(1, failed ? 1 : 0, durationMs, pages, bytes);
    }

    public MetricCounters plus(MetricCounters other) {
        return new MetricCounters(Math.addExact(invocations, other.invocations), Math.addExact(failures, other.failures),
                Math.addExact(durationMs, other.durationMs), Math.addExact(pages, other.pages),
                Math.addExact(bytes, other.bytes));
    }

    /** Mean duration per invocation in milliseconds, 0 when there were none. */
    public double meanDurationMs() {
        return invocations == 0 ? 0 : (double) durationMs / invocations;
    }
}
