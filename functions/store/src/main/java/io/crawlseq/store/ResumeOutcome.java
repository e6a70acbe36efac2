package io.crawlseq.store;

import java.time.Instant;

/** What {@link ContinuationStore#resume} found. Only {@link Resumed} lets the invocation continue. */
public sealed interface ResumeOutcome {

    /** This invocation now holds the continuation and may work on {@code state}. */
    record Resumed(ContinuationLease lease, Json state) implements ResumeOutcome {
    }

    /** No such continuation: unknown or malformed token, already completed, or expired. */
    record NotFound(String token) implements ResumeOutcome {
    }

    /**
     * The continuation exists but waits for a different invocation: another invocation already advanced it
     * ({@code expected} greater than asked) or the caller skipped ahead.
     */
    record WrongInvocation(int expected, int asked) implements ResumeOutcome {
    }

    /** Another invocation with the same number holds it until {@code until}; retry after that. */
    record Busy(Instant until) implements ResumeOutcome {
    }
}
