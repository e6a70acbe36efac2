package io.crawlseq.sandbox.internal;

import io.crawlseq.sandbox.LogLevel;
import io.crawlseq.sandbox.ResourceKind;
import io.crawlseq.sandbox.ScriptError;
import java.time.Duration;
import java.util.List;

/**
 * Drives one job on a worker: sends it, then serves the worker's messages (records, logs, fetches)
 * until it answers, exits, or the wall-clock limit passes, when its process tree is killed. The
 * parent is the only timekeeper: whatever the script does, the kill comes at the deadline.
 */
public final class JobDriver {

    /** The JVM's exit code under {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final FetchBroker fetches;

    public JobDriver(FetchBroker fetches) {
        this.fetches = fetches;
    }

    public JobOutcome drive(WorkerProcess worker, ToWorker job, long timeoutMs, RunBudget budget, JobSink sink)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMillis(timeoutMs).toNanos();
        int recordsReceived = 0;
        int fetchesServed = 0;
        if (!worker.send(job)) {
            return lost(worker, crashed(worker, "the worker could not receive the job"));
        }
        while (true) {
            FromWorker message = worker.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message == null) {
                worker.kill();
                long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                return new JobOutcome.WorkerLost(new ScriptError.Timeout(null,
                        "the script ran longer than its limit of " + timeoutMs + " ms and was stopped",
                        timeoutMs, elapsedMs, recordsReceived));
            }
            switch (message) {
                case FromWorker.Record record -> {
                    if (!budget.takeRecord(record.bytes())) {
                        return lost(worker, new ScriptError.Resource(null,
                                "the script produced more records or bytes than the run allows",
                                ResourceKind.OUTPUT_BYTES, 0));
                    }
                    recordsReceived++;
                    sink.record(record.data());
                }
                case FromWorker.Log log -> {
                    if (!budget.takeLogLine()) {
                        return lost(worker, new ScriptError.Resource(null,
                                "the script logged more lines than the run allows", ResourceKind.LOG_LINES, 0));
                    }
                    sink.log(LogLevel.fromId(log.level()).orElse(LogLevel.INFO), log.message());
                }
                case FromWorker.Fetch fetch -> {
                    if (++fetchesServed > budget.maxFetches()) {
                        return lost(worker, new ScriptError.Resource(null,
                                "the script made more http.get calls than allowed", ResourceKind.FETCHES,
                                budget.maxFetches()));
                    }
                    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                    worker.send(new ToWorker.FetchReply(fetch.id(), fetches.answer(fetch.url(), fetch.headers(), left)));
                }
                case FromWorker.Done done -> {
                    return new JobOutcome.Answered(done);
                }
                case FromWorker.Prepared prepared -> {
                    return new JobOutcome.Answered(prepared);
                }
                case FromWorker.Exited exited -> {
                    return new JobOutcome.WorkerLost(exitError(exited, worker.memoryMb()));
                }
                case FromWorker.Ready ready -> {
                    // a late duplicate; nothing to do
                }
            }
        }
    }

    private static JobOutcome lost(WorkerProcess worker, ScriptError error) {
        worker.kill();
        return new JobOutcome.WorkerLost(error);
    }

    private static ScriptError exitError(FromWorker.Exited exited, int memoryMb) {
        if (exited.exitCode() == OUT_OF_MEMORY_EXIT || exited.stderrTail().contains("OutOfMemoryError")) {
            return new ScriptError.Resource(null, "the script exceeded its memory limit of " + memoryMb
                    + " MB (its JVM ran out of heap and was ended)", ResourceKind.MEMORY, memoryMb);
        }
        return new ScriptError.Runtime(null, "the script's worker JVM exited unexpectedly with code "
                + exited.exitCode() + lastLine(exited.stderrTail()), "WorkerCrash", List.of(), "");
    }

    private static ScriptError crashed(WorkerProcess worker, String what) {
        return new ScriptError.Runtime(null, what + lastLine(worker.stderrTail()), "WorkerCrash", List.of(), "");
    }

    private static String lastLine(String stderr) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
    }
}
