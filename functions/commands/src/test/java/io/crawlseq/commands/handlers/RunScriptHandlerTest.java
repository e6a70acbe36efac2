package io.crawlseq.commands.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.commands.script.BlobScriptSource;
import io.crawlseq.commands.script.DirectoryScriptSource;
import io.crawlseq.commands.script.LocalScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.WorkerJvm;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.blob.BlobMetadata;
import io.crawlseq.store.blob.S3BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runScript} through the {@link CommandRunner} as a Lambda or a local run calls it: the real
 * store (DynamoDB Local + s3proxy), the local executor (worker JVMs, the crawler fetcher) and a
 * loopback fixture site.
 */
class RunScriptHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUDGET = Duration.ofMinutes(5);

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    @TempDir
    static Path scripts;

    private static LoopbackServer site;
    private static CrawlerConfig crawlerConfig;
    private static LocalScriptExecutor executor;

    @BeforeAll
    static void start() throws IOException {
        site = LoopbackServer.start();
        site.route("/world", Responses.html(listing("World", 3)));
        site.route("/business", Responses.html(listing("Business", 2)));
        crawlerConfig = TestConfigs.fast(CrawlClock.system(), site).politeness(Politeness.none().maxCrawlDelayMs(0));
        executor = new LocalScriptExecutor(new DirectoryScriptSource(scripts), crawlerConfig, WorkerJvm.detect());
        write("headlines.js", """
                function scrapeData(url) {
                  const doc = html.parse(http.get(url).body, url);
                  return {data: doc.select('h2 a').map(a => ({title: a.text(), url: a.absUrl('href')})),
                          metadata: {section: doc.title()}};
                }""");
    }

    @AfterAll
    static void stop() {
        executor.close();
        site.close();
    }

    private static String listing(String section, int stories) {
        StringBuilder html = new StringBuilder("<title>" + section + "</title>");
        for (int i = 1; i <= stories; i++) {
            html.append("<h2><a href=\"/").append(section.toLowerCase()).append("/story-").append(i).append("\">")
                    .append(section).append(" story ").append(i).append("</a></h2>");
        }
        return html.toString();
    }

    private static void write(String name, String script) throws IOException {
        Files.writeString(scripts.resolve(name), script);
    }

    private CommandRunner runner(ScriptExecutor scriptExecutor) {
        return new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(), new CommandServices(
                CrawlerFactory.configured(crawlerConfig), aws.storage(), scriptExecutor, Clock.systemUTC(),
                CommandProgress.NONE));
    }

    private CommandRunner.Invocation run(ObjectNode args) throws CommandException, InterruptedException {
        return run(executor, "extract", args);
    }

    /** Each step of a run is answered once (a later delivery gets the recorded result): one step id per call. */
    private CommandRunner.Invocation run(ScriptExecutor scriptExecutor, String stepId, ObjectNode args)
            throws CommandException, InterruptedException {
        ObjectNode payload = JSON.createObjectNode().put("command", "runScript").put("stepId", stepId)
                .put("runId", "run-1");
        payload.set("args", args);
        payload.putObject("context").put("startUrl", site.url("/world"));
        return runner(scriptExecutor).run(payload, BUDGET);
    }

    private static ObjectNode args(String script, String... sourcePaths) {
        ObjectNode args = JSON.createObjectNode().put("script", script);
        if (sourcePaths.length > 0) {
            var sources = args.putArray("sources");
            for (String path : sourcePaths) {
                sources.add(site.url(path));
            }
        }
        return args;
    }

    @Test
    void runScript_overTwoFixtureSections_succeedsWithTaggedRecordsAndRecordsTheStep() throws Exception {
        CommandRunner.Invocation invocation = run(args("headlines.js", "/world", "/business"));

        ObjectNode envelope = invocation.envelope();
        assertThat(envelope.path("status").asText()).as(envelope.toPrettyString()).isEqualTo("success");
        assertThat(envelope.path("recordCount").asInt()).isEqualTo(5);
        assertThat(envelope.path("data").findValuesAsText("title")).containsExactly("World story 1", "World story 2",
                "World story 3", "Business story 1", "Business story 2");
        assertThat(envelope.path("data").get(3).path("_source").asText()).isEqualTo(site.url("/business"));
        assertThat(envelope.path("data").get(0).path("url").asText()).isEqualTo(site.url("/world/story-1"));
        assertThat(envelope.path("sourceResults")).hasSize(2);
        assertThat(envelope.path("sourceResults").get(1).path("records").asInt()).isEqualTo(2);
        assertThat(envelope.path("sourceResults").get(1).path("success").asBoolean()).isTrue();
        assertThat(envelope.path("sourceResults").get(1).path("scriptMetadata").path("section").asText()).isEqualTo("Business");
        assertThat(envelope.path("errors")).isEmpty();
        StepRecord step = onlyStep();
        assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step.command()).isEqualTo("runScript");
    }

    @Test
    void runScript_withoutSources_runsTheRunsStartUrl() throws Exception {
        CommandRunner.Invocation invocation = run(args("headlines.js"));

        assertThat(invocation.envelope().path("recordCount").asInt()).isEqualTo(3);
        assertThat(invocation.envelope().path("sourceResults").get(0).path("source").asText()).isEqualTo(site.url("/world"));
    }

    @Test
    void runScript_withManyRecords_capsDataInTheEnvelopeAndStoresTheFullList() throws Exception {
        write("many.js", "function scrapeData(url) { return Array.from({length: 40}, (_, i) => ({n: i})); }");

        CommandRunner.Invocation invocation = run(args("many.js", "/world"));

        ObjectNode envelope = invocation.envelope();
        assertThat(envelope.path("recordCount").asInt()).isEqualTo(40);
        assertThat(envelope.path("data")).hasSize(25);
        assertThat(envelope.path("truncated").toString()).contains("data");
        byte[] stored = aws.storage().blobs().get(BlobKeys.stepOutput("run-1", "extract", 1, "data")).orElseThrow().bytes();
        assertThat(JSON.readTree(stored)).hasSize(40);
    }

    @Test
    void runScript_whenASourceTimesOut_failsWithScriptTimeoutErrorAndKeepsThePartialRecords() throws Exception {
        write("slow-second.js", """
                function scrapeData(url) {
                  emit({from: url});
                  if (url.endsWith('/business')) { for (;;) {} }
                  return [];
                }""");
        ObjectNode args = args("slow-second.js", "/world", "/business").put("timeoutMs", 1500);

        CommandRunner.Invocation invocation = run(args);

        ObjectNode envelope = invocation.envelope();
        assertThat(envelope.path("status").asText()).isEqualTo("failed");
        assertThat(envelope.path("error").path("type").asText()).isEqualTo("ScriptTimeoutError");
        assertThat(envelope.path("error").path("message").asText()).contains("timeout error in " + site.url("/business"))
                .contains("1 of 2 source(s) failed, 2 record(s) kept");
        assertThat(envelope.path("recordCount").asInt()).isEqualTo(2);
        assertThat(envelope.path("errors").get(0).path("type").asText()).isEqualTo("timeout");
        assertThat(envelope.path("errors").get(0).path("partialRecords").asInt()).isEqualTo(1);
        assertThat(envelope.path("sourceResults").findValuesAsText("success")).containsExactly("true", "false");
        assertThat(onlyStep().status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void runScript_withASyntaxError_failsWithScriptSyntaxErrorNamingTheLine() throws Exception {
        write("broken.js", "function scrapeData(url) {\n  return [{a: 1}\n}\n");

        CommandRunner.Invocation invocation = run(args("broken.js", "/world"));

        ObjectNode envelope = invocation.envelope();
        assertThat(envelope.path("error").path("type").asText()).isEqualTo("ScriptSyntaxError");
        JsonNode error = envelope.path("errors").get(0);
        assertThat(error.path("type").asText()).isEqualTo("syntax");
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(envelope.path("recordCount").asInt()).isZero();
        assertThat(envelope.path("sourceResults")).as("no source runs").isEmpty();
    }

    @Test
    void runScript_withAMissingScript_failsWithScriptNotFoundNamingWhereItLooked() throws Exception {
        CommandRunner.Invocation invocation = run(args("no-such-script.js", "/world"));

        ObjectNode envelope = invocation.envelope();
        assertThat(envelope.path("status").asText()).isEqualTo("failed");
        assertThat(envelope.path("error").path("type").asText()).isEqualTo(RunScriptHandler.SCRIPT_NOT_FOUND);
        assertThat(envelope.path("error").path("message").asText())
                .contains(scripts.resolve("no-such-script.js").toString()).contains("relative paths are read from");
        assertThat(envelope.path("data")).isEmpty();
    }

    @Test
    void runScript_inAws_readsTheScriptFromTheSequencesBucketUnderItsPrefix() throws Exception {
        String bucket = aws.createBucket("sequences");
        S3BlobStore sequences = S3BlobStore.of(aws.s3(), bucket);
        sequences.put(io.crawlseq.store.blob.BlobKey.of("sequences/scripts/headlines.js"),
                Files.readAllBytes(scripts.resolve("headlines.js")), BlobMetadata.of("text/javascript"));
        BlobScriptSource source = new BlobScriptSource(sequences, "sequences/");
        ScriptExecutor fromBucket = new ScriptExecutor() {
            @Override
            public ScriptResult execute(ScriptRequest request) throws CommandException, InterruptedException {
                return executor.execute(request);
            }

            @Override
            public ScriptLookup read(String location) throws CommandException {
                return source.read(location);
            }
        };

        CommandRunner.Invocation found = run(fromBucket, "found", args("scripts/headlines.js", "/business"));
        CommandRunner.Invocation escaping = run(fromBucket, "escaping", args("../secrets/x.js", "/business"));

        assertThat(found.envelope().path("status").asText()).as(found.envelope().toPrettyString()).isEqualTo("success");
        assertThat(found.envelope().path("recordCount").asInt()).isEqualTo(2);
        assertThat(escaping.envelope().path("error").path("type").asText()).isEqualTo(RunScriptHandler.SCRIPT_NOT_FOUND);
        assertThat(escaping.envelope().path("error").path("message").asText()).contains("not a usable script key");
    }

    @Test
    void errorTypeOf_namesEverySandboxErrorTypeInCamelCase() {
        assertThat(java.util.Arrays.stream(io.crawlseq.sandbox.ErrorType.values()).map(RunScriptHandler::errorTypeOf))
                .containsExactly("ScriptSyntaxError", "ScriptRuntimeError", "ScriptSecurityError", "ScriptTimeoutError",
                        "ScriptResourceError", "ScriptNetworkError", "ScriptParseError", "ScriptRequestError");
    }

    @Test
    void outcome_ofASucceededScript_isCompletedWithTheDeclaredFieldsOnly() throws Exception {
        CommandRunner.Invocation invocation = run(args("headlines.js", "/business"));

        assertThat(invocation.outcome()).isInstanceOf(CommandOutcome.Completed.class);
        assertThat(iterable(invocation.outcome().fields().fieldNames()))
                .containsExactly("recordCount", "data", "sourceResults", "errors");
        assertThat(invocation.envelope().path("data").get(0)).isEqualTo(JSON.valueToTree(Map.of(
                "title", "Business story 1", "url", site.url("/business/story-1"), "_source", site.url("/business"))));
    }

    private StepRecord onlyStep() {
        return aws.storage().runs().steps("run-1", PageRequest.first(10)).items().stream().reduce((a, b) -> {
            throw new AssertionError("more than one step recorded: " + a + ", " + b);
        }).orElseThrow();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
