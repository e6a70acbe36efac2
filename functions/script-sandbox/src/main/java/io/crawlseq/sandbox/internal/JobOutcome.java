package io.crawlseq.sandbox.internal;

import io.crawlseq.sandbox.ScriptError;

/** How a job ended, seen from the parent. */
public sealed interface JobOutcome {

    /** The worker answered ({@link FromWorker.Done} or {@link FromWorker.Prepared}) and can go on serving. */
    record Answered(FromWorker answer) implements JobOutcome {
    }

    /** The worker is gone or was killed (timeout, memory, crash, overrun); it must be discarded. */
    record WorkerLost(ScriptError error) implements JobOutcome {
    }
}
