package io.crawlseq.engine;

import io.crawlseq.engine.task.CancellationSignal;

import java.time.Duration;

/**
 * Pauses an execution for Wait states and retry intervals. The engine passes the already scaled
 * duration (see {@link LocalEngine.Builder#delayScale}) and the signal that ends the pause early when
 * the execution stops. Tests inject one that records durations without pausing.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration, CancellationSignal cancellation) throws InterruptedException;

    /** Waits on the signal, so a stopped or timed-out execution wakes at once. */
    Sleeper REAL = (duration, cancellation) -> {
        if (!duration.isZero() && !duration.isNegative()) {
            cancellation.await(duration);
        }
    };
}
