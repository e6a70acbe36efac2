package io.crawlseq.engine.internal;

/**
 * Work noticed its cancellation and unwinds. Internal control flow; the execution turns it into
 * ABORTED or TIMED_OUT, a Map or Parallel group into an aborted iteration or branch.
 */
public final class ExecutionInterrupted extends RuntimeException {

    private final Cancellation.Reason reason;

    public ExecutionInterrupted(Cancellation.Reason reason) {
        super(String.valueOf(reason), null, false, false);
        this.reason = reason;
    }

    public Cancellation.Reason reason() {
        return reason;
    }
}
