package io.crawlseq.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One command's totals for one UTC day. */
public record DailyMetrics(String command, LocalDate day, MetricCounters counters) {

    public DailyMetrics {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(counters, "counters");
    }

    /** Totals per command over the given days, sorted by command name. */
    public static Map<String, MetricCounters> totalsByCommand(Collection<DailyMetrics> days) {
        Map<String, MetricCounters> totals = new TreeMap<>();
        for (DailyMetrics d : days) {
            totals.merge(d.command(), d.counters(), MetricCounters::plus);
        }
        return totals;
    }
}
