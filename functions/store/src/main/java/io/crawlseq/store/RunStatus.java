package io.crawlseq.store;

/** Status of a run; the terminal values mirror Step Functions execution statuses. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
