package io.crawlseq.sandbox;

import io.crawlseq.sandbox.internal.FetchBroker;
import io.crawlseq.sandbox.internal.FromWorker;
import io.crawlseq.sandbox.internal.JobDriver;
import io.crawlseq.sandbox.internal.JobOutcome;
import io.crawlseq.sandbox.internal.RunBudget;
import io.crawlseq.sandbox.internal.RunRecorder;
import io.crawlseq.sandbox.internal.ToWorker;
import io.crawlseq.sandbox.internal.WorkerPool;
import io.crawlseq.sandbox.internal.WorkerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs AI-written scraping scripts in isolation: every run gets a worker JVM of its own (see
 * {@link RunnerConfig#runsPerWorker()}) with the script's heap limit, every source a fresh GraalJS
 * context, and the parent kills the worker when a source overruns its time. Script problems of any
 * kind come back as a {@link ScriptResult}; only a runner that cannot start workers throws
 * ({@link ScriptRunnerException}). Thread-safe; close it to stop an idle prestarted worker.
 *
 * <pre>{@code
 * try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().http(myHttp))) {
 *     ScriptResult result = runner.run(ScriptRequest.of("news.js", scriptText, List.of("https://example.com/")));
 *     System.out.println(ConsoleFormatter.standard().format(result));
 * }
 * }</pre>
 */
public final class ScriptRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);
    private static final Logger SCRIPT_LOG = LoggerFactory.getLogger("io.crawlseq.sandbox.script");

    private final RunnerConfig config;
    private final WorkerPool pool;
    private final JobDriver driver;

    public ScriptRunner(RunnerConfig config) {
        this.config = config;
        this.pool = new WorkerPool(config);
        this.driver = new JobDriver(new FetchBroker(config.http()));
        if (config.prestart()) {
            pool.warm(ScriptLimits.DEFAULTS.memoryMb());
        }
    }

    public ScriptResult run(ScriptRequest request) {
        Instant startedAt = config.clock().instant();
        long started = System.nanoTime();
        RunRecorder recorder = new RunRecorder(request.scriptId());
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            LOG.warn("script {}: request refused: {}", request.scriptId(), String.join("; ", problems));
            problems.forEach(p -> recorder.runError(new ScriptError.Request(p)));
            return recorder.result(request.sources(), startedAt, elapsedMs(started));
        }
        try {
            return new Run(request, recorder).execute(startedAt, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptRunnerException("interrupted while running script " + request.scriptId(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    /** One run: the worker it holds, the budget, the recorder. */
    private final class Run {
        private final ScriptRequest request;
        private final RunRecorder recorder;
        private final RunBudget budget;
        private final String id;
        private WorkerProcess worker;

        Run(ScriptRequest request, RunRecorder recorder) {
            this.request = request;
            this.recorder = recorder;
            this.budget = new RunBudget(request.limits());
            this.id = request.scriptId();
        }

        ScriptResult execute(Instant startedAt, long started) throws InterruptedException {
            List<String> sources = List.of();
            if (request.sources().isEmpty()) {
                LOG.info("script {}: starting; sources from DEFAULT_URLS or the fallback {}", id, request.fallbackSources());
            } else {
                LOG.info("script {}: starting with {} source(s): {}", id, request.sources().size(), request.sources());
            }
            try {
                worker = pool.acquire(request.limits().memoryMb());
                sources = prepare();
                if (!sources.isEmpty()) {
                    for (int i = 0; i < sources.size(); i++) {
                        runSource(i + 1, sources.size(), sources.get(i));
                    }
                }
            } finally {
                if (worker != null) {
                    pool.release(worker);
                }
            }
            ScriptResult result = recorder.result(sources, startedAt, elapsedMs(started));
            logCompletion(result);
            return result;
        }

        /** Checks the syntax (and reads DEFAULT_URLS when needed); the sources to run, empty on failure. */
        private List<String> prepare() throws InterruptedException {
            boolean readDefaults = request.sources().isEmpty();
            JobOutcome outcome = drive(new ToWorker.Prepare(request.script(), readDefaults, budget.forJob()), null);
            ScriptError error = switch (outcome) {
                case JobOutcome.WorkerLost lost -> lost.error();
                case JobOutcome.Answered answered -> ((FromWorker.Prepared) answered.answer()).error();
            };
            if (error != null) {
                failRun(error);
                return List.of();
            }
            if (!readDefaults) {
                return request.sources();
            }
            List<String> defaults = ((FromWorker.Prepared) ((JobOutcome.Answered) outcome).answer()).defaultUrls();
            List<String> chosen = chooseDefaults(defaults);
            if (!chosen.isEmpty()) {
                LOG.info("script {}: {} source(s) from {}: {}", id, chosen.size(),
                        defaults.isEmpty() ? "the fallback" : "DEFAULT_URLS", chosen);
            }
            return chosen;
        }

        private List<String> chooseDefaults(List<String> defaults) {
            List<String> chosen = defaults.isEmpty() ? request.fallbackSources() : defaults;
            if (chosen.isEmpty()) {
                failRun(new ScriptError.Request(
                        "no sources: pass sources, define DEFAULT_URLS in the script, or give a fallback source"));
                return List.of();
            }
            List<String> problems = new ScriptRequest(id, request.script(), chosen, request.limits(), List.of()).problems();
            if (!problems.isEmpty()) {
                failRun(new ScriptError.Parse(null, "DEFAULT_URLS is not usable: " + String.join("; ", problems)));
                return List.of();
            }
            return chosen;
        }

        private void runSource(int position, int count, String source) throws InterruptedException {
            if (worker == null) {
                worker = pool.acquire(request.limits().memoryMb());
            }
            LOG.info("script {}: source {}/{} {} started", id, position, count, source);
            recorder.sourceStarted();
            long started = System.nanoTime();
            JobOutcome outcome = drive(new ToWorker.Run(request.script(), source, budget.forJob()), source);
            long elapsed = elapsedMs(started);
            FromWorker.Done done = outcome instanceof JobOutcome.Answered answered ? (FromWorker.Done) answered.answer() : null;
            ScriptError error = done != null ? done.error() : ((JobOutcome.WorkerLost) outcome).error();
            SourceResult result = recorder.sourceFinished(source, elapsed, error, done == null ? null : done.scriptMetadata());
            if (result.success()) {
                LOG.info("script {}: source {}/{} {} finished in {} ms: {} record(s), {} duplicate(s)", id, position,
                        count, source, elapsed, result.records(), result.duplicates());
            } else {
                LOG.warn("script {}: source {}/{} {} failed after {} ms with a {} error: {} ({} record(s) kept)", id,
                        position, count, source, elapsed, result.error().type().id(), result.error().message(),
                        result.records());
            }
        }

        private JobOutcome drive(ToWorker job, String source) throws InterruptedException {
            JobOutcome outcome = driver.drive(worker, job, request.limits().timeoutMs(), budget,
                    new LoggingSink(recorder.sinkFor(source), id, source));
            if (outcome instanceof JobOutcome.WorkerLost) {
                pool.discard(worker);
                worker = null;
            }
            return outcome;
        }

        private void failRun(ScriptError error) {
            recorder.runError(error);
            LOG.warn("script {}: {} error: {}", id, error.type().id(), error.message());
        }

        private void logCompletion(ScriptResult result) {
            ResultMetadata m = result.metadata();
            LOG.info("script {}: completed in {} ms: success={}, {} record(s) from {} source(s), {} duplicate(s), "
                            + "{} error(s)", id, m.executionTimeMs(), result.success(), m.filteredCount(),
                    m.sources().size(), m.duplicateCount(), result.errors().size());
        }
    }

    /** Forwards script log lines to the result and to SLF4J. */
    private record LoggingSink(io.crawlseq.sandbox.internal.JobSink target, String scriptId, String source)
            implements io.crawlseq.sandbox.internal.JobSink {
        @Override
        public void record(com.fasterxml.jackson.databind.node.ObjectNode record) {
            target.record(record);
        }

        @Override
        public void log(LogLevel level, String message) {
            target.log(level, message);
            String where = source == null ? "" : " " + source;
            switch (level) {
                case INFO -> SCRIPT_LOG.info("script {}{}: {}", scriptId, where, message);
                case WARN -> SCRIPT_LOG.warn("script {}{}: {}", scriptId, where, message);
                case ERROR -> SCRIPT_LOG.error("script {}{}: {}", scriptId, where, message);
            }
        }
    }
}
