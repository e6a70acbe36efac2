package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.local.LocalCommands;
import io.crawlseq.cli.run.LocalRun;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.script.LocalScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.lang.compile.AslJson;
import io.crawlseq.lang.registry.ArgFormat;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Json;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.Storage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crawl-sequence command NAME}: runs one crawl command the way its Lambda would (through the
 * command runner: defaults, history, metrics, continuations until done) and prints its result.
 */
@Command(name = "command",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run one crawl command against a site and print its result.",
        description = {
            "Run one crawl command against a site and print its result (complete lists with --json). "
                    + "A long crawl that stops at its time budget continues in further invocations until done, "
                    + "as the state machine would run it. The run is kept in the local history ('history', 'show').",
            "Example:",
            "  crawl-sequence command ensureCountryHubs --start-url https://www.example.com/ \\",
            "      --arg countries='[\"FR\",\"DE\"]' --arg politeness.delayMs=2000"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the command succeeded (or had nothing to do)",
            "1:the arguments have problems; nothing ran",
            "2:usage error (unknown command or option, missing --start-url)",
            "3:the command failed (its result says why)",
            "4:the data directory is in use by another crawl-sequence process",
            "70:internal error (a bug in crawl-sequence)",
        })
final class CommandCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The command (see 'crawl-sequence commands').")
    String name;

    @Option(names = "--start-url", paramLabel = "URL", description = "The site to crawl (the run context's startUrl).")
    String startUrl;

    @Option(names = "--arg", paramLabel = "KEY=VALUE",
            description = "A command argument. Dotted keys nest (politeness.delayMs=0); JSON values keep their type "
                    + "(countries='[\"FR\",\"DE\"]', verify=false). Repeatable. Checked like a sequence's args.")
    List<String> args = new ArrayList<>();

    @Mixin
    AllowHostOptions allowHosts;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the complete result (every list in full) as JSON.")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "Print crawl progress on standard error (default: when attached to a terminal).")
    Boolean progress;

    CommandCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandRegistry registry = CommandRegistry.standard();
        io.crawlseq.lang.registry.CommandSpec command = registry.find(name).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "unknown command '" + name + "'" + registry.suggest(name)
                .map(s -> "; did you mean '" + s + "'?").orElse(" (see: crawl-sequence commands)")));
        if (startUrl != null && !ArgFormat.isHttpUrl(startUrl)) {
            throw new ParameterException(spec.commandLine(), "--start-url must be an absolute http(s) URL, got '" + startUrl + "'");
        }
        ObjectNode given = KeyValues.parse(args, "--arg", spec.commandLine());
        List<String> problems = ArgumentCheck.problems(name, given);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("nothing ran (see: crawl-sequence commands " + name + ")");
            err.flush();
            return ExitCode.PROBLEMS;
        }
        if (command.crawls() && startUrl == null && !given.has("startUrl")) {
            throw new ParameterException(spec.commandLine(), name + " crawls a site: give it --start-url URL");
        }
        Clock clock = context.environment().clock();
        Storage storage = context.stores().storage(store.location(context.environment()));
        boolean showProgress = progress != null ? progress : System.console() != null && !json;
        CrawlerConfig crawler = context.environment().crawlerConfig(allowHosts.allowList(context.environment(),
                spec.commandLine()));
        // a runScript step names its script relative to the working directory
        try (LocalScriptExecutor scripts = LocalScriptExecutor.create(crawler, Path.of("").toAbsolutePath())) {
            return runCommand(new LocalCommands(storage, crawler, scripts,
                    showProgress ? TerminalProgress.lines(err) : CommandProgress.NONE, clock), storage, given, clock,
                    showProgress, out, err);
        }
    }

    private int runCommand(LocalCommands commands, Storage storage, ObjectNode given, Clock clock, boolean showProgress,
                           PrintWriter out, PrintWriter err) throws InterruptedException {
        String runId = "cmd-" + LocalRun.newRunId(clock);
        ObjectNode payload = payload(runId, given);
        RunRecord run = RunRecord.started(runId, "command:" + name, clock.instant(), Json.of(input(payload)));
        storage.runs().putRun(run);
        List<CommandRunner.Invocation> invocations = new ArrayList<>();
        try {
            invokeUntilDone(commands, payload, invocations, showProgress ? err : null);
        } catch (CommandException e) {
            err.println("crawl-sequence: " + name + " raised " + e.errorType() + ": " + e.getMessage());
            err.flush();
            storage.runs().putRun(run.finished(RunStatus.FAILED, clock.instant(), summary(invocations),
                    Optional.of(ErrorInfo.of(e.errorType(), String.valueOf(e.getMessage())))));
            return ExitCode.RUN_FAILED;
        }
        CommandRunner.Invocation last = invocations.get(invocations.size() - 1);
        ObjectNode result = complete(last);
        boolean failed = "failed".equals(result.path("status").asText());
        storage.runs().putRun(run.finished(failed ? RunStatus.FAILED : RunStatus.SUCCEEDED, clock.instant(),
                summary(invocations), failed ? Optional.of(ErrorInfo.of(result.at("/error/type").asText(),
                        result.at("/error/message").asText())) : Optional.empty()));
        if (json) {
            out.print(AslJson.print(result));
        } else {
            out.print(ResultText.of(result, invocations.size()));
            out.println();
            out.println("run " + runId + " (details: crawl-sequence show " + runId + ")");
        }
        out.flush();
        return failed ? ExitCode.RUN_FAILED : ExitCode.OK;
    }

    /** Invokes again with the continuation while the result is partial, as the state machine does. */
    private static void invokeUntilDone(LocalCommands commands, ObjectNode payload, List<CommandRunner.Invocation> all,
                                        PrintWriter progress) throws CommandException, InterruptedException {
        ObjectNode next = payload.deepCopy();
        while (true) {
            CommandRunner.Invocation invocation = commands.invoke(next, Optional.empty());
            all.add(invocation);
            JsonNode envelope = invocation.envelope();
            if (!"partial".equals(envelope.path("status").asText())) {
                return;
            }
            next.set("continuation", envelope.get("continuation").deepCopy());
            if (progress != null) {
                progress.println("  continuing (invocation " + envelope.at("/continuation/invocation").asInt() + ")");
                progress.flush();
            }
        }
    }

    /** The Task payload a compiled state machine would send for this command as a one-step run. */
    private ObjectNode payload(String runId, ObjectNode given) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("command", name).put("stepId", name).put("runId", runId).put("attempt", 0);
        payload.set("args", given);
        ObjectNode ctx = payload.putObject("context");
        if (startUrl != null) {
            ctx.put("startUrl", startUrl);
        }
        return payload;
    }

    private static ObjectNode input(ObjectNode payload) {
        ObjectNode input = JSON.createObjectNode();
        input.set("context", payload.get("context").deepCopy());
        input.set("args", payload.get("args").deepCopy());
        return input;
    }

    /** The last envelope with every capped list in full (the handler's outcome has them). */
    static ObjectNode complete(CommandRunner.Invocation last) {
        ObjectNode result = last.envelope().deepCopy();
        JsonNode truncated = result.remove("truncated");
        if (truncated != null) {
            truncated.forEach(field -> result.set(field.asText(), last.outcome().fields().get(field.asText()).deepCopy()));
        }
        return result;
    }

    private static Map<String, Long> summary(List<CommandRunner.Invocation> invocations) {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("invocations", (long) Math.max(1, invocations.size()));
        if (!invocations.isEmpty()) {
            JsonNode last = invocations.get(invocations.size() - 1).envelope();
            s.put("pagesFetched", last.path("pagesFetched").asLong(0));
            s.put("bytesFetched", last.path("bytesFetched").asLong(0));
        }
        return s;
    }
}
