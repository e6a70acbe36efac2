package io.crawlseq.store;

import java.time.Duration;

/**
 * State of long crawls between invocations (SPEC §6: a command that runs out of time returns
 * {@code partial} with a continuation, and is invoked again). Each resume takes a lease, so two invocations
 * can never both resume the same state; every change is conditional on the lease. Large states go to the
 * blob store transparently.
 *
 * <pre>{@code
 * // invocation 1 runs out of time
 * Continuation next = continuations.start(runId, stepId, command, state);     // {token, invocation: 2}
 * // invocation 2
 * switch (continuations.resume(token, 2, Duration.ofMinutes(15))) {
 *     case ResumeOutcome.Resumed r -> {
 *         ... work on r.state() ...
 *         continuations.checkpoint(r.lease(), newState);   // more work left: {token, invocation: 3}
 *         // or continuations.complete(r.lease());          // done: the state is deleted
 *     }
 *     case ResumeOutcome.Busy b -> ... // a duplicate invocation holds it: fail transiently
 *     default -> ... // nothing to resume: report the step failed
 * }
 * }</pre>
 */
public interface ContinuationStore {

    /** Saves the state left by invocation 1 of a step; returns the continuation for invocation 2. */
    Continuation start(String runId, String stepId, String command, Json state);

    /**
     * Takes the continuation for {@code invocation} for {@code lease} (the invocation's remaining time).
     * Succeeds only when the stored state waits for exactly this invocation and no other holder's lease is
     * live.
     */
    ResumeOutcome resume(String token, int invocation, Duration lease);

    /**
     * Replaces the state and hands it to the next invocation; returns {@code {token, invocation + 1}}. Fails
     * with {@link LostLeaseException} when the lease expired and another invocation took over.
     */
    Continuation checkpoint(ContinuationLease lease, Json state);

    /** Deletes the state: the crawl finished. Fails with {@link LostLeaseException} like checkpoint. */
    void complete(ContinuationLease lease);

    /** Gives the lease up without changing the state (the invocation failed), so a retry can resume at once. */
    void release(ContinuationLease lease);

    /**
     * The lease was no longer held: another invocation took the continuation over after the lease expired.
     * The caller must discard its work.
     */
    final class LostLeaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LostLeaseException(String token, int invocation) {
            super("continuation " + token + " (invocation " + invocation + ") is no longer held by this invocation");
        }
    }
}
