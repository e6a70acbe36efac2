package io.crawlseq.engine;

import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.internal.ExecutionRun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running (or finished) execution started with {@link LocalEngine#startAsync}: what DescribeExecution,
 * GetExecutionHistory and StopExecution need. Thread-safe.
 */
public final class ExecutionHandle {

    private final ExecutionRun run;

    ExecutionHandle(ExecutionRun run) {
        this.run = run;
    }

    public String executionArn() {
        return run.executionArn();
    }

    public String name() {
        return run.executionName();
    }

    public ExecutionStatus status() {
        return run.snapshot().status();
    }

    /** The execution now: RUNNING with the history so far, or the final result. */
    public ExecutionResult describe() {
        return run.snapshot();
    }

    public List<HistoryEvent> history() {
        return run.snapshot().history();
    }

    /** Stops the execution (status ABORTED); error and cause are recorded as given, both optional. */
    public void stop(String error, String cause) {
        run.stop(error, cause);
    }

    /** Completes with the final result. */
    public CompletableFuture<ExecutionResult> completion() {
        return run.completion();
    }

    public ExecutionResult await() throws InterruptedException {
        try {
            return run.completion().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an execution always completes normally", e);
        }
    }

    /** The final result, or the current snapshot if the execution is still running after {@code timeout}. */
    public ExecutionResult await(Duration timeout) throws InterruptedException {
        try {
            return run.completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return run.snapshot();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an execution always completes normally", e);
        }
    }
}
