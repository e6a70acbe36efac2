package io.crawlseq.store;

import java.util.Optional;

/**
 * Run and step history. Writes are conditional so retries, duplicates and out-of-order deliveries never
 * move a record backwards; every write is durable when the method returns, so a handler that records its
 * step before returning loses nothing if a later step fails.
 */
public interface RunHistory {

    /**
     * Stores a run record. Allowed: creating it; updating a RUNNING run (e.g. adding the execution ARN);
     * finishing it. A finished run is final: writing the same record again is {@link
     * WriteOutcome#ALREADY_WRITTEN}, anything else is {@link WriteOutcome#REJECTED_STALE}.
     */
    WriteOutcome putRun(RunRecord run);

    /**
     * Stores a step invocation record, keyed by {@code (runId, stepId, invocation)}. Allowed: creating it; a
     * later attempt replacing an earlier one; within one attempt, RUNNING to RUNNING (progress) and RUNNING to
     * a terminal status. Repeating a write is {@link WriteOutcome#ALREADY_WRITTEN}; an earlier attempt, or a
     * different outcome for a finished attempt, is {@link WriteOutcome#REJECTED_STALE}.
     */
    WriteOutcome putStep(StepRecord step);

    Optional<RunRecord> run(String runId);

    /** One invocation of one step, as last written (strongly consistent). */
    Optional<StepRecord> step(String runId, String stepId, int invocation);

    /** The run with every step invocation in execution order, or empty when the run is unknown. */
    Optional<RunDetail> runDetail(String runId);

    /** Step invocations of a run in execution order (start time, then step id and invocation). */
    Page<StepRecord> steps(String runId, PageRequest page);

    /** Runs of one sequence, newest first (by start time). */
    Page<RunRecord> runsOfSequence(String sequenceName, PageRequest page);

    /** All runs, newest first (by start time). */
    Page<RunRecord> recentRuns(PageRequest page);
}
