package io.crawlseq.commands.script;

import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.commands.ScriptSource;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.sandbox.CrawlerScriptHttp;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptRunner;
import io.crawlseq.sandbox.ScriptRunnerException;
import io.crawlseq.sandbox.WorkerJvm;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code runScript} in local runs: the sandbox's {@link ScriptRunner} in this process (each script
 * still in a worker JVM of its own), {@code http.get} through the crawler with the run's
 * configuration (allow-list included), scripts read as files. The runner starts with the first
 * script and then keeps a worker JVM warm for the next {@code runScript} step; close the executor
 * when the run ends.
 *
 * <pre>{@code
 * try (LocalScriptExecutor scripts = LocalScriptExecutor.create(crawlerConfig, sequenceFile.toAbsolutePath().getParent())) {
 *     CommandServices services = new CommandServices(CrawlerFactory.configured(crawlerConfig), storage, scripts, clock, progress);
 *     ...
 * }
 * }</pre>
 */
public final class LocalScriptExecutor implements ScriptExecutor, AutoCloseable {

    private final ScriptSource scripts;
    private final CrawlerConfig crawlerConfig;
    private final WorkerJvm jvm;
    private CrawlerScriptHttp http;
    private ScriptRunner runner;
    private boolean closed;

    /**
     * @param scripts       where step {@code script} locations are read
     * @param crawlerConfig the crawler behind {@code http.get} (user agent, politeness, allow-list, caps)
     * @param jvm           how worker JVMs start
     */
    public LocalScriptExecutor(ScriptSource scripts, CrawlerConfig crawlerConfig, WorkerJvm jvm) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.crawlerConfig = Objects.requireNonNull(crawlerConfig, "crawlerConfig");
        this.jvm = Objects.requireNonNull(jvm, "jvm");
    }

    /**
     * The CLI's executor: scripts read relative to {@code scriptDirectory} (the sequence file's
     * directory for a run, the working directory for a single command), worker JVMs like this one
     * with a class-data-sharing archive in the user's cache directory.
     */
    public static LocalScriptExecutor create(CrawlerConfig crawlerConfig, Path scriptDirectory) {
        return new LocalScriptExecutor(new DirectoryScriptSource(scriptDirectory), crawlerConfig,
                WorkerJvm.detect().withCdsArchiveIn(WorkerJvm.userCacheDirectory(System.getenv())));
    }

    @Override
    public ScriptLookup read(String location) throws CommandException {
        return scripts.read(location);
    }

    @Override
    public ScriptResult execute(ScriptRequest request) throws CommandException {
        try {
            return runner().run(request);
        } catch (ScriptRunnerException e) {
            throw CommandException.transientFailure("the script runner could not run " + request.scriptId() + ": "
                    + e.getMessage(), e);
        }
    }

    private synchronized ScriptRunner runner() throws CommandException {
        if (closed) {
            throw CommandException.fatal("the local script runner is closed");
        }
        if (runner == null) {
            http = CrawlerScriptHttp.open(crawlerConfig);
            runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm).http(http).prestart(true));
        }
        return runner;
    }

    /** Stops the warm worker JVM and the crawler. */
    @Override
    public synchronized void close() {
        closed = true;
        if (runner != null) {
            runner.close();
            http.close();
            runner = null;
            http = null;
        }
    }
}
