package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation of one step of a run: the identity is {@code (runId, stepId, invocation)}.
 *
 * @param runId       the run
 * @param stepId      the step's id in the sequence ({@code step<N>} when it has none). Inside a ForEach the
 *                    same step runs once per item: callers make the id unique per iteration, e.g.
 *                    {@code explore[3]}
 * @param invocation  1 for the first invocation; long crawls that return {@code partial} are invoked again
 *                    with 2, 3, ...
 * @param attempt     1-based retry attempt of this invocation ({@code $$.State.RetryCount + 1} on Step
 *                    Functions); a later attempt replaces the record of an earlier one
 * @param command     the command run
 * @param status      RUNNING while it runs, then the envelope's status
 * @param args        the args the command received (templates resolved)
 * @param startedAt   when this invocation started
 * @param finishedAt  present exactly when the status is terminal
 * @param elapsedMs   the envelope's {@code elapsedMs}, when finished
 * @param result      the result envelope (lists already capped by the command), when finished
 * @param error       the envelope's error, when failed
 */
public record StepRecord(String runId, String stepId, int invocation, int attempt, String command, StepStatus status,
                         Json args, Instant startedAt, Optional<Instant> finishedAt, Optional<Long> elapsedMs,
                         Optional<Json> result, Optional<ErrorInfo> error) {

    public static final int MAX_ID_BYTES = 256;
    /** Invocations are zero-padded to this many digits in keys, so they sort numerically. */
    public static final int MAX_INVOCATION = 999_999;
    public static final int MAX_ATTEMPT = 999;

    public StepRecord {
        Checks.text("runId", runId, RunRecord.MAX_ID_BYTES);
        Checks.text("stepId", stepId, MAX_ID_BYTES);
        if (invocation < 1 || invocation > MAX_INVOCATION) {
            throw new IllegalArgumentException("invocation must be between 1 and " + MAX_INVOCATION + ", was "
                    + invocation);
        }
        if (attempt < 1 || attempt > MAX_ATTEMPT) {
            throw new IllegalArgumentException("attempt must be between 1 and " + MAX_ATTEMPT + ", was " + attempt);
        }
        Checks.text("command", command, 128);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(args, "args");
        startedAt = Instants.millis(startedAt);
        finishedAt = finishedAt.map(Instants::millis);
        elapsedMs.ifPresent(ms -> Checks.nonNegative("elapsedMs", ms));
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
        if (status.isTerminal() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("finishedAt must be present exactly when the step has ended (status "
                    + status + ")");
        }
    }

    /**
     * The step id to record for one iteration of a step inside ForEach loops: {@code explore[3]}, or
     * {@code explore[1][3]} for nested loops (outermost index first). Without it every iteration of a loop
     * would share one record.
     */
    public static String iterationStepId(String stepId, List<Integer> loopIndexes) {
        StringBuilder id = new StringBuilder(stepId);
        loopIndexes.forEach(index -> id.append('[').append(index).append(']'));
        return id.toString();
    }

    /** A step invocation that has just started (written before the command runs). */
    public static StepRecord started(String runId, String stepId, int invocation, int attempt, String command,
                                     Json args, Instant startedAt) {
        return new StepRecord(runId, stepId, invocation, attempt, command, StepStatus.RUNNING, args, startedAt,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This invocation, ended. {@code elapsedMs} is taken from the timestamps; use the full constructor to
     * record the envelope's own value.
     */
    public StepRecord finished(StepStatus status, Instant at, Json result, Optional<ErrorInfo> error) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a finished step needs a terminal status, not " + status);
        }
        Instant end = Instants.millis(at);
        long elapsed = Math.max(0, Duration.between(startedAt, end).toMillis());
        return new StepRecord(runId, stepId, invocation, attempt, command, status, args, startedAt, Optional.of(end),
                Optional.of(elapsed), Optional.of(result), error);
    }
}
