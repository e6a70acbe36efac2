package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM as the parent sees it: messages in from its stdout through a reader thread (so
 * waiting has a deadline), messages out to its stdin, and a forcible kill of its process tree.
 */
public final class WorkerProcess {

    private static final Logger LOG = LoggerFactory.getLogger("io.crawlseq.sandbox.worker");
    private static final int STDERR_TAIL_CHARS = 8 * 1024;

    private final Process process;
    private final int memoryMb;
    private final OutputStream stdin;
    private final BlockingQueue<FromWorker> inbox = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private final Thread stderrReader;
    private int runsServed;
    private boolean ready;
    private volatile boolean exited;

    private WorkerProcess(Process process, int memoryMb) {
        this.process = process;
        this.memoryMb = memoryMb;
        this.stdin = process.getOutputStream();
        this.stderrReader = Thread.ofPlatform().daemon().name("script-worker-stderr-" + process.pid())
                .start(this::drainStderr);
        Thread.ofPlatform().daemon().name("script-worker-stdout-" + process.pid()).start(this::readStdout);
    }

    /** Starts {@code command} with an empty environment (no credentials reach scripts) in {@code directory}. */
    public static WorkerProcess start(List<String> command, int memoryMb, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        Process process = builder.start();
        LOG.debug("started worker pid {} with -Xmx{}m", process.pid(), memoryMb);
        return new WorkerProcess(process, memoryMb);
    }

    public int memoryMb() {
        return memoryMb;
    }

    public long pid() {
        return process.pid();
    }

    public int runsServed() {
        return runsServed;
    }

    public void countRun() {
        runsServed++;
    }

    public boolean isAlive() {
        return !exited && process.isAlive();
    }

    /** Waits until the worker says it is ready; false if it exits or {@code timeout} passes first. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        if (ready) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            FromWorker message = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message instanceof FromWorker.Ready) {
                ready = true;
                return true;
            }
            if (message == null || message instanceof FromWorker.Exited) {
                return false;
            }
        }
    }

    /** The next message, or null if none arrives within {@code timeout}. */
    public FromWorker poll(Duration timeout) throws InterruptedException {
        long nanos = Math.max(0, timeout.toNanos());
        return inbox.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** Writes one message; false when the worker can no longer receive. */
    public boolean send(ToWorker message) {
        try {
            stdin.write((Protocol.encode(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends the worker normally: it exits when it sees its stdin close (and may then write its CDS archive). */
    public void retire() {
        try {
            stdin.close();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }

    /** Kills the worker and anything it started, and waits (briefly) until it is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("worker pid {} did not exit within 10 s of being killed", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines the worker wrote to stderr. */
    public String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    private void readStdout() {
        String endReason = "";
        try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = out.read(); b != -1; b = out.read()) {
                if (b != '\n') {
                    if (line.size() >= Protocol.MAX_LINE_BYTES) {
                        endReason = "worker sent a line longer than " + Protocol.MAX_LINE_BYTES + " bytes";
                        process.destroyForcibly();
                        break;
                    }
                    line.write(b);
                    continue;
                }
                deliver(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        } catch (IOException e) {
            endReason = "reading the worker's output failed: " + e.getMessage();
        }
        inbox.add(new FromWorker.Exited(awaitExitCode(), endReason.isEmpty() ? stderrTail() : endReason + "\n" + stderrTail()));
        exited = true;
    }

    private void deliver(String line) {
        try {
            inbox.add(Protocol.decode(line, FromWorker.class));
        } catch (JsonProcessingException e) {
            LOG.debug("worker pid {} wrote a line that is not a protocol message: {}", process.pid(),
                    line.length() > 200 ? line.substring(0, 200) + "…" : line);
        }
    }

    private int awaitExitCode() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            stderrReader.join(Duration.ofSeconds(2));
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void drainStderr() {
        try (var err = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                LOG.debug("worker pid {} stderr: {}", process.pid(), line);
                synchronized (stderrTail) {
                    stderrTail.append(line).append('\n');
                    if (stderrTail.length() > STDERR_TAIL_CHARS) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("worker pid {} stderr ended: {}", process.pid(), e.getMessage());
        }
    }
}
