package io.crawlseq.engine.task;

import java.time.Duration;

/**
 * Tells long-running work that its result is no longer wanted: the task timed out, a sibling Map
 * iteration or Parallel branch failed, or the execution was stopped or timed out. Handlers that block
 * should poll {@link #isCancelled()} or wait through {@link #await(Duration)}; the engine also interrupts
 * the handler's thread.
 */
public interface CancellationSignal {

    boolean isCancelled();

    /**
     * Waits up to {@code timeout} (forever when null) for cancellation.
     *
     * @return true if cancelled, false if the time ran out first
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** A signal that never fires, for calling handlers outside an execution. */
    CancellationSignal NEVER = new CancellationSignal() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            if (timeout == null) {
                new java.util.concurrent.CountDownLatch(1).await();
            } else {
                Thread.sleep(timeout);
            }
            return false;
        }
    };
}
