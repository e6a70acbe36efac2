package io.crawlseq.engine.internal;

import io.crawlseq.engine.task.CancellationSignal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node of the cancellation tree: the execution at the root, Map/Parallel groups and task calls below.
 * Cancelling a node cancels its subtree; a child deregisters itself when closed so long executions do
 * not accumulate finished children. Thread-safe.
 */
public final class Cancellation implements CancellationSignal, AutoCloseable {

    /** Why work was cancelled; only the execution-level reasons end the execution itself. */
    public enum Reason { EXECUTION_STOPPED, EXECUTION_TIMED_OUT, SIBLING_FAILED, TASK_TIMED_OUT }

    private final Cancellation parent;
    private final CompletableFuture<Reason> cancelled = new CompletableFuture<>();
    private final Set<Cancellation> children = ConcurrentHashMap.newKeySet();

    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    public Cancellation child() {
        Cancellation child = new Cancellation(this);
        children.add(child);
        Reason reason = cancelled.getNow(null);
        if (reason != null) {
            child.cancel(reason);
        }
        return child;
    }

    public void cancel(Reason reason) {
        if (cancelled.complete(reason)) {
            for (Cancellation child : children) {
                child.cancel(reason);
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** The reason, or null while not cancelled. */
    public Reason reason() {
        return cancelled.getNow(null);
    }

    /** Completes with the reason when cancelled. */
    public CompletableFuture<Reason> future() {
        return cancelled;
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            if (timeout == null) {
                cancelled.get();
            } else {
                cancelled.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cancellation never completes exceptionally", e);
        }
    }

    @Override
    public void close() {
        if (parent != null) {
            parent.children.remove(this);
        }
    }
}
