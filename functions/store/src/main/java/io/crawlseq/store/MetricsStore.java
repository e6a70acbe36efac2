package io.crawlseq.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Per-command daily metrics (UTC days) with atomic counters. */
public interface MetricsStore {

    /** The widest date range a query may span (about ten years). */
    int MAX_RANGE_DAYS = 3660;

    /** Adds {@code delta} atomically to {@code command}'s totals for the UTC day of {@code at}. */
    void record(String command, Instant at, MetricCounters delta);

    /**
     * One command's totals for each day in {@code [from, to]} that had any, oldest first.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the range exceeds
     *                                  {@value #MAX_RANGE_DAYS} days
     */
    List<DailyMetrics> daily(String command, LocalDate from, LocalDate to);

    /** Every command's totals for each day in {@code [from, to]}, oldest first, then by command. */
    List<DailyMetrics> dailyAllCommands(LocalDate from, LocalDate to);
}
