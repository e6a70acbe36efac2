package io.crawlseq.sandbox.internal.worker;

import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.internal.FromWorker;
import io.crawlseq.sandbox.internal.ToWorker;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry point of a worker, the child JVM scripts run in. Started by the runner with a heap limit and
 * {@code -XX:+ExitOnOutOfMemoryError}; it warms GraalJS up, says ready, then serves jobs from stdin
 * until stdin closes. Its stdout carries protocol lines only: anything else that writes to
 * {@code System.out} is sent to stderr.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /**
     * The job's answer; a bug in the worker becomes an error answer rather than a dead worker (the
     * parent still replaces a worker that dies).
     */
    private static FromWorker answerOrFailure(Supplier<FromWorker> job, Function<ScriptError, FromWorker> failure) {
        try {
            return job.get();
        } catch (RuntimeException e) {
            e.printStackTrace();
            return failure.apply(new ScriptError.Runtime(null, "the sandbox failed while running the script: " + e,
                    "InternalError", List.of(), ""));
        }
    }

    public static void main(String[] args) {
        // If the parent dies without killing us (SIGKILL, a crash), nobody would stop a runaway script.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        WorkerChannel channel = new WorkerChannel(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), protocolOut);
        JobRunner.warmUp();
        channel.send(new FromWorker.Ready());
        JobRunner runner = new JobRunner(channel);
        for (ToWorker job = channel.receive(); job != null; job = channel.receive()) {
            switch (job) {
                case ToWorker.Prepare prepare -> channel.send(answerOrFailure(() -> runner.prepare(prepare),
                        error -> new FromWorker.Prepared(error, List.of())));
                case ToWorker.Run run -> channel.send(answerOrFailure(() -> runner.run(run),
                        error -> new FromWorker.Done(error, null)));
                case ToWorker.FetchReply stale -> {
                    // a reply to a fetch of a job that has ended: nothing waits for it
                }
            }
        }
    }
}
