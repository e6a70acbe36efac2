package io.crawlseq.cli;

import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.sandbox.ConsoleFormatter;
import io.crawlseq.sandbox.CrawlerScriptHttp;
import io.crawlseq.sandbox.ErrorType;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptResultJson;
import io.crawlseq.sandbox.ScriptRunner;
import io.crawlseq.sandbox.WorkerJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crawl-sequence script FILE.js --source URL…}: runs an AI-written scraping script in the
 * sandbox the {@code runScript} command uses (a worker JVM of its own, {@code http.get} through the
 * crawler's fetch rules) and prints the formatted result or its JSON.
 */
@Command(name = "script",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run a JavaScript scraping script in the isolated sandbox and print its records.",
        description = {
            "Run a JavaScript scraping script (it defines scrapeData(url)) in the isolated sandbox over each "
                    + "--source in order (default: the script's DEFAULT_URLS), and print its records grouped by "
                    + "source, statistics and errors. The syntax is checked before any source runs. "
                    + "http.get in the script fetches through the crawler: robots.txt, politeness, and no private, "
                    + "loopback or metadata address unless --allow-host (or CRAWLSEQ_ALLOW_HOSTS) opens it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the script succeeded on every source",
            "1:the script cannot run: unreadable file, syntax error, no source, unusable DEFAULT_URLS",
            "2:usage error (unknown option, a limit out of range, a source that is not an http(s) URL)",
            "3:the script ran and failed on at least one source (runtime, timeout, resource, security, network "
                    + "or parse error); the records it emitted before are still printed",
            "70:internal error (a bug in crawl-sequence)",
        })
final class ScriptCommand implements Callable<Integer> {

    /** Errors that mean the script could not start: the input is at fault, not the run. */
    private static final Set<ErrorType> INPUT_ERRORS = Set.of(ErrorType.SYNTAX, ErrorType.REQUEST, ErrorType.PARSE);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script (.js, UTF-8).")
    Path file;

    @Option(names = "--source", paramLabel = "URL", arity = "1..*",
            description = "URL passed to scrapeData, in order; repeatable (default: the script's DEFAULT_URLS).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "30000",
            description = "Wall-clock limit per source (100-840000; default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--memory-mb", paramLabel = "N", defaultValue = "256",
            description = "Heap of the script's JVM (32-2048; default ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]", arity = "1..*",
            description = "Let http.get reach this non-public host (a local fixture site); repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--delay-ms", paramLabel = "N", defaultValue = "1000",
            description = "Politeness: at least this long between requests to one host (default ${DEFAULT-VALUE}; "
                    + "a robots.txt Crawl-delay can make it longer).")
    long delayMs;

    @Option(names = "--json", description = "Print the result as JSON {success, data, metadata, sourceResults, errors, logs}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptLimits limits = ScriptLimits.DEFAULTS.withTimeoutMs(timeoutMs).withMemoryMb(memoryMb);
        CrawlerConfig crawler = crawlerConfig();
        checkUsage(limits);
        String text;
        try {
            text = readScript();
        } catch (IOException e) {
            err.println("crawl-sequence script: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        ScriptResult result;
        try (CrawlerScriptHttp http = CrawlerScriptHttp.open(crawler);
             ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().http(http).jvm(workerJvm()))) {
            result = runner.run(new ScriptRequest(file.getFileName().toString(), text, sources, limits, List.of()));
        }
        out.print(json ? ScriptResultJson.toPrettyJson(result) + System.lineSeparator()
                : ConsoleFormatter.standard().format(result));
        out.flush();
        return exitCode(result);
    }

    static int exitCode(ScriptResult result) {
        if (result.success()) {
            return ExitCode.OK;
        }
        boolean couldNotStart = result.sourceResults().isEmpty()
                && result.errors().stream().allMatch(e -> INPUT_ERRORS.contains(e.type()));
        return couldNotStart ? ExitCode.PROBLEMS : ExitCode.RUN_FAILED;
    }

    /** Limits and sources are command-line values: out of range is a usage error, before anything starts. */
    private void checkUsage(ScriptLimits limits) {
        // The script text is judged later (read, then syntax-checked by the runner); a stand-in here.
        List<String> problems = new ScriptRequest("check", "x", sources, limits, List.of()).problems();
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", problems)
                    .replace("timeoutMs", "--timeout-ms").replace("memoryMb", "--memory-mb")
                    .replaceAll("sources\\[(\\d+)]", "--source #$1").replace("sources has", "--source is given"));
        }
    }

    /** Allowed hosts from --allow-host and {@value AllowList#ENVIRONMENT_VARIABLE}; the CLI's default politeness otherwise. */
    private CrawlerConfig crawlerConfig() {
        AllowList.Parsed given = AllowList.parse(allowHosts);
        AllowList.Parsed environment = AllowList.fromEnvironment(System.getenv());
        List<String> errors = new ArrayList<>(given.errors());
        environment.errors().forEach(e -> errors.add(AllowList.ENVIRONMENT_VARIABLE + ": " + e));
        if (!errors.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", errors));
        }
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--delay-ms must not be negative (was " + delayMs + ")");
        }
        CrawlerConfig config = CrawlerConfig.defaults().allowList(given.allowList().plus(environment.allowList()));
        return config.politeness(config.politeness().delayMs(delayMs));
    }

    private String readScript() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such script file: " + file);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
    }

    /** Worker JVMs like this one; with a class-data-sharing archive in the user cache when the launcher runs from jars. */
    private static WorkerJvm workerJvm() {
        return WorkerJvm.detect().withCdsArchiveIn(WorkerJvm.userCacheDirectory(System.getenv()));
    }
}
