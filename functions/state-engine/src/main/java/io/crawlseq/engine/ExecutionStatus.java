package io.crawlseq.engine;

/** Step Functions' execution statuses, as DescribeExecution reports them. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
