package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.local.LocalCommands;
import io.crawlseq.cli.local.StoreRunRecorder;
import io.crawlseq.cli.run.LocalRun;
import io.crawlseq.cli.run.MockResults;
import io.crawlseq.cli.run.RunProgress;
import io.crawlseq.cli.run.RunReport;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.script.LocalScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence run FILE}: compile, then execute the state machine on the local engine. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run a sequence on this machine (the compiled state machine on the local engine).",
        description = {
            "Compile a sequence and run its state machine in-process on the local engine, the "
                    + "command handlers answering its Lambda tasks (no AWS account needed). The run, its "
                    + "steps and metrics are kept in the local store ('history', 'show', 'stats'). "
                    + "--mock-results scripts step results instead, to test a sequence's logic."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run succeeded",
            "1:the sequence has errors; nothing ran",
            "2:usage error",
            "3:the run failed, timed out or was aborted",
            "4:the data directory is in use by another crawl-sequence process",
            "70:internal error (a bug in crawl-sequence)",
        })
final class RunCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sequence (.json, .yaml or .yml).")
    Path file;

    @Mixin
    RunContextOptions contextOptions;

    @Option(names = "--mock-results", paramLabel = "FILE",
            description = "JSON object mapping a step id (or a command name) to the results its invocations return, "
                    + "in order; {\"error\": \"Type\", \"cause\": \"...\"} makes an invocation fail.")
    Path mockResults;

    @Option(names = "--progress", negatable = true,
            description = "Print steps as they run on standard error (default: when attached to a terminal).")
    Boolean progress;

    @Option(names = "--json", description = "Print {runId, status, input, output, steps} as JSON.")
    boolean json;

    @Option(names = "--delay-scale", hidden = true, defaultValue = "1.0",
            description = "Fraction of retry and Wait delays actually waited (tests use 0).")
    double delayScale;

    @Mixin
    AllowHostOptions allowHosts;

    @Mixin
    StoreOptions store;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MockResults mocks = readMocks();
        CommandRegistry registry = CommandRegistry.standard();
        Compilation compilation = SequenceFiles.compile(file, new SequenceCompiler(registry), err);
        if (!compilation.isDeployable()) {
            return ExitCode.PROBLEMS;
        }
        Sequence sequence = compilation.load().sequence().orElseThrow();
        ObjectNode runContext = contextOptions.runContext(sequence, spec.commandLine());
        if (!runContext.path("startUrl").isTextual()) {
            throw new ParameterException(spec.commandLine(),
                    "no start URL: pass --start-url URL or set startUrl in the sequence");
        }
        String name = sequence.name().orElse(baseName(file));
        Clock clock = context.environment().clock();
        String runId = LocalRun.newRunId(clock);
        boolean show = showProgress();
        RunProgress shown = show ? RunProgress.lines(err) : RunProgress.silent();
        Storage storage = context.stores().storage(store.location(context.environment()));
        CrawlerConfig crawler = context.environment().crawlerConfig(allowHosts.allowList(context.environment(),
                spec.commandLine()));
        if (show) {
            err.println("run " + runId + ": " + name + " on " + runContext.path("startUrl").asText());
            err.flush();
        }
        RunReport report;
        // runScript steps name their scripts relative to the sequence file
        try (LocalScriptExecutor scripts = LocalScriptExecutor.create(crawler, file.toAbsolutePath().getParent())) {
            LocalCommands commands = new LocalCommands(storage, crawler, scripts,
                    show ? TerminalProgress.lines(err) : CommandProgress.NONE, clock);
            report = new LocalRun(commands.dispatcher(), mocks, shown, clock, delayScale,
                    new StoreRunRecorder(storage.runs())).run(name, compilation.compiled().orElseThrow(), runContext, runId);
        }
        if (json) {
            out.print(io.crawlseq.lang.compile.AslJson.print(report.toJson()));
        } else {
            out.print(report.toText());
            out.println("  history: crawl-sequence show " + runId);
        }
        out.flush();
        return report.succeeded() ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    private boolean showProgress() {
        return progress != null ? progress : System.console() != null && !json;
    }

    private MockResults readMocks() throws IOException {
        if (mockResults == null) {
            return MockResults.none();
        }
        if (!Files.isRegularFile(mockResults)) {
            throw new ParameterException(spec.commandLine(), "--mock-results: no such file: " + mockResults);
        }
        JsonNode json;
        try {
            json = JSON.readTree(mockResults.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), "--mock-results: " + mockResults + " is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        try {
            return MockResults.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mock-results: " + e.getMessage());
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
