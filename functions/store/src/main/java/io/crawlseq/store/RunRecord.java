package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run of a sequence.
 *
 * @param runId         unique id of the run (also the execution name when run on Step Functions)
 * @param sequenceName  the sequence run
 * @param status        RUNNING until the run ends
 * @param startedAt     when the run started
 * @param finishedAt    when it ended; present exactly when the status is terminal
 * @param input         the execution input ({@code {"context": {...}}})
 * @param executionArn  the Step Functions execution, when run there
 * @param summary       run-level counters (e.g. {@code stepsSucceeded}, {@code pagesFetched}), sorted by name
 * @param error         why the run failed, when it did
 */
public record RunRecord(String runId, String sequenceName, RunStatus status, Instant startedAt,
                        Optional<Instant> finishedAt, Json input, Optional<String> executionArn,
                        Map<String, Long> summary, Optional<ErrorInfo> error) {

    public static final int MAX_ID_BYTES = 256;

    public RunRecord {
        Checks.text("runId", runId, MAX_ID_BYTES);
        Checks.text("sequenceName", sequenceName, MAX_ID_BYTES);
        Objects.requireNonNull(status, "status");
        startedAt = Instants.millis(startedAt);
        finishedAt = finishedAt.map(Instants::millis);
        Objects.requireNonNull(input, "input");
        executionArn.ifPresent(arn -> Checks.text("executionArn", arn, 2048));
        summary = sortedCounters(summary);
        Objects.requireNonNull(error, "error");
        if (status.isTerminal() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("finishedAt must be present exactly when the run has ended (status "
                    + status + ")");
        }
    }

    /** A run that has just started. */
    public static RunRecord started(String runId, String sequenceName, Instant startedAt, Json input) {
        return new RunRecord(runId, sequenceName, RunStatus.RUNNING, startedAt, Optional.empty(), input,
                Optional.empty(), Map.of(), Optional.empty());
    }

    public RunRecord withExecutionArn(String arn) {
        return new RunRecord(runId, sequenceName, status, startedAt, finishedAt, input, Optional.of(arn), summary,
                error);
    }

    /** This run, ended with {@code status} at {@code at}. */
    public RunRecord finished(RunStatus status, Instant at, Map<String, Long> summary, Optional<ErrorInfo> error) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a finished run needs a terminal status, not " + status);
        }
        return new RunRecord(runId, sequenceName, status, startedAt, Optional.of(at), input, executionArn, summary,
                error);
    }

    private static Map<String, Long> sortedCounters(Map<String, Long> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((name, value) -> sorted.put(Checks.text("summary counter name", name, 255),
                Objects.requireNonNull(value, name)));
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
}
