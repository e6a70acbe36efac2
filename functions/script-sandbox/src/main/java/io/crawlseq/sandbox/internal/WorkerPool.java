package io.crawlseq.sandbox.internal;

import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptRunnerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out ready worker JVMs. With prestart, one idle worker is kept started (and warm) so the
 * next run does not wait for a JVM; a worker serves at most {@code runsPerWorker} runs and is never
 * reused after it was killed.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final RunnerConfig config;
    private final Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    /** Every worker started and not yet known to be gone: killed if this JVM shuts down. */
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::killAll);
    private WorkerProcess idle;
    private boolean closed;

    public WorkerPool(RunnerConfig config) {
        this.config = config;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A ready worker with a heap of {@code memoryMb}; throws {@link ScriptRunnerException} if none starts. */
    public WorkerProcess acquire(int memoryMb) {
        WorkerProcess worker = takeIdle(memoryMb);
        if (worker == null) {
            worker = start(memoryMb);
        }
        try {
            if (worker.awaitReady(config.workerStartTimeout())) {
                return worker;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
            throw new ScriptRunnerException("interrupted while waiting for a script worker to start", e);
        }
        worker.kill();
        throw new ScriptRunnerException("the script worker JVM did not start within " + config.workerStartTimeout()
                + "; its stderr ended with:\n" + worker.stderrTail());
    }

    /** Takes back a worker that finished a run normally. */
    public void release(WorkerProcess worker) {
        worker.countRun();
        boolean keep = worker.isAlive() && worker.runsServed() < config.runsPerWorker();
        synchronized (this) {
            if (keep && idle == null && !closed) {
                idle = worker;
                return;
            }
        }
        worker.retire();
        prestart(worker.memoryMb());
    }

    /** Kills a worker that overran a limit or misbehaved. */
    public void discard(WorkerProcess worker) {
        worker.kill();
        prestart(worker.memoryMb());
    }

    @Override
    public void close() {
        WorkerProcess last;
        synchronized (this) {
            closed = true;
            last = idle;
            idle = null;
        }
        if (last != null) {
            last.retire();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: nothing to undo
        }
    }

    private void prestart(int memoryMb) {
        if (!config.prestart()) {
            return;
        }
        synchronized (this) {
            if (closed || idle != null) {
                return;
            }
            try {
                idle = start(memoryMb);
            } catch (ScriptRunnerException e) {
                LOG.warn("could not prestart a script worker: {}", e.getMessage());
            }
        }
    }

    private synchronized WorkerProcess takeIdle(int memoryMb) {
        WorkerProcess candidate = idle;
        idle = null;
        if (candidate == null) {
            return null;
        }
        if (candidate.memoryMb() == memoryMb && candidate.isAlive()) {
            return candidate;
        }
        candidate.retire();
        return null;
    }

    private void killAll() {
        live.stream().filter(WorkerProcess::isAlive).forEach(WorkerProcess::kill);
    }

    private WorkerProcess start(int memoryMb) {
        live.removeIf(worker -> !worker.isAlive());
        try {
            WorkerProcess worker = WorkerProcess.start(WorkerCommand.of(config.jvm(), memoryMb), memoryMb, directory);
            live.add(worker);
            return worker;
        } catch (IOException e) {
            throw new ScriptRunnerException("could not start a script worker JVM (" + config.jvm().java() + ")", e);
        }
    }

    /** Starts the idle worker now rather than after the first run. */
    public void warm(int memoryMb) {
        prestart(memoryMb);
    }
}
