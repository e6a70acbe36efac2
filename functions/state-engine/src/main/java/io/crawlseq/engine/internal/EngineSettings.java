package io.crawlseq.engine.internal;

import io.crawlseq.engine.ExecutionListener;
import io.crawlseq.engine.Sleeper;
import io.crawlseq.engine.task.TaskInvoker;

import java.time.Clock;
import java.util.List;
import java.util.Random;

/** Everything an execution needs from its engine; built by LocalEngine.Builder. Not public API. */
public record EngineSettings(TaskInvoker taskInvoker, Clock clock, Sleeper sleeper, double delayScale,
                             double timeoutScale, Random random, List<ExecutionListener> listeners, String region,
                             String accountId, String roleArn, int maxMapConcurrency, long payloadLimitBytes,
                             int historyEventLimit) {

    public EngineSettings {
        listeners = List.copyOf(listeners);
    }
}
