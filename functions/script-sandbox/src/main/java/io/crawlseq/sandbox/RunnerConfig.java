package io.crawlseq.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ScriptRunner} runs scripts.
 *
 * @param http               what {@code http.get} calls (default: {@link ScriptHttp#disabled()})
 * @param jvm                how worker JVMs are launched
 * @param prestart           keep one worker JVM started and warm for the next run (servers, Lambda);
 *                           off for one-shot use such as the CLI
 * @param runsPerWorker      runs one worker JVM serves before it is retired; 1 (the default) gives
 *                           every run a JVM of its own. Every run still gets fresh contexts; a worker
 *                           that was killed is never reused.
 * @param workerStartTimeout how long a worker may take to start and warm up before the run fails
 *                           as an infrastructure error
 */
public record RunnerConfig(ScriptHttp http, WorkerJvm jvm, boolean prestart, int runsPerWorker,
                           Duration workerStartTimeout, Clock clock) {

    public RunnerConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(jvm, "jvm");
        if (runsPerWorker < 1) {
            throw new IllegalArgumentException("runsPerWorker must be at least 1");
        }
        Objects.requireNonNull(workerStartTimeout, "workerStartTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    /** Defaults: no HTTP, detected JVM, no prestart, one run per worker, 2 minutes to start. */
    public static RunnerConfig defaults() {
        return new RunnerConfig(ScriptHttp.disabled(), WorkerJvm.detect(), false, 1, Duration.ofMinutes(2),
                Clock.systemUTC());
    }

    public RunnerConfig http(ScriptHttp value) {
        return new RunnerConfig(value, jvm, prestart, runsPerWorker, workerStartTimeout, clock);
    }

    public RunnerConfig jvm(WorkerJvm value) {
        return new RunnerConfig(http, value, prestart, runsPerWorker, workerStartTimeout, clock);
    }

    public RunnerConfig prestart(boolean value) {
        return new RunnerConfig(http, jvm, value, runsPerWorker, workerStartTimeout, clock);
    }

    public RunnerConfig runsPerWorker(int value) {
        return new RunnerConfig(http, jvm, prestart, value, workerStartTimeout, clock);
    }

    public RunnerConfig workerStartTimeout(Duration value) {
        return new RunnerConfig(http, jvm, prestart, runsPerWorker, value, clock);
    }

    public RunnerConfig clock(Clock value) {
        return new RunnerConfig(http, jvm, prestart, runsPerWorker, workerStartTimeout, value);
    }
}
