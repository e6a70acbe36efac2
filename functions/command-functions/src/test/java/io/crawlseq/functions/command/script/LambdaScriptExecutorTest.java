package io.crawlseq.functions.command.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptSource;
import io.crawlseq.commands.script.BlobScriptSource;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.functions.script.ScriptRunnerHandler;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobMetadata;
import io.crawlseq.store.blob.S3BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@link LambdaScriptExecutor} against a loopback endpoint speaking the Lambda Invoke API, which hands
 * each event to the real script-runner handler ({@link ScriptRunnerHandler}: worker JVM and all), or
 * answers with a function error.
 */
class LambdaScriptExecutorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "crawlseq-script-runner";
    private static final String SCRIPT = """
            const DEFAULT_URLS = ['https://news.example/world'];
            function scrapeData(url) {
              const doc = html.parse('<title>World</title><h2><a href="/a">First</a></h2><h2><a href="/b">Second</a></h2>', url);
              log.info('parsed', doc.title());
              return doc.select('h2 a').map(a => ({title: a.text(), url: a.absUrl('href')}));
            }""";

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    /** One handler (and its warm worker) for every test, as in a Lambda execution environment. */
    private static final ScriptRunnerHandler RUNNER_FUNCTION = new ScriptRunnerHandler();

    private final List<Invoke> invokes = new CopyOnWriteArrayList<>();
    private volatile Function<byte[], Answer> function = LambdaScriptExecutorTest::runHandler;
    private HttpServer endpoint;
    private LambdaClient lambda;

    private record Invoke(String method, String path, String invocationType, JsonNode event) {
    }

    private record Answer(String functionError, byte[] body) {
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        endpoint.createContext("/", this::serve);
        endpoint.start();
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stopEndpoint() {
        lambda.close();
        endpoint.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] event = exchange.getRequestBody().readAllBytes();
        invokes.add(new Invoke(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"), JSON.readTree(event)));
        Answer answer = function.apply(event);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        if (answer.functionError() != null) {
            exchange.getResponseHeaders().add("X-Amz-Function-Error", answer.functionError());
        }
        exchange.sendResponseHeaders(200, answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private static Answer runHandler(byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RUNNER_FUNCTION.handleRequest(new ByteArrayInputStream(event), out, null);
            return new Answer(null, out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer functionError(String message) {
        return new Answer("Unhandled", ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"Runtime.ExitError\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private LambdaScriptExecutor executor(ScriptSource scripts) {
        return new LambdaScriptExecutor(lambda, FUNCTION, scripts);
    }

    @Test
    void execute_invokesTheRunnerSynchronouslyWithTheScriptTextAndReadsItsResult() throws Exception {
        ScriptRequest request = ScriptRequest.of("news.js", SCRIPT, List.of()).withLimits(ScriptLimits.DEFAULTS.withTimeoutMs(20_000));

        ScriptResult result = executor(ScriptSource.NONE).execute(request);

        assertThat(result.success()).isTrue();
        assertThat(result.data()).extracting(r -> r.path("title").asText()).containsExactly("First", "Second");
        assertThat(result.data().get(0).path("url").asText()).isEqualTo("https://news.example/a");
        assertThat(result.logs()).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("parsed World"));
        Invoke invoke = invokes.get(0);
        assertThat(invoke.method()).isEqualTo("POST");
        assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/" + FUNCTION + "/invocations");
        assertThat(invoke.invocationType()).isEqualTo("RequestResponse");
        assertThat(invoke.event().path("script").asText()).isEqualTo(SCRIPT);
        assertThat(invoke.event().path("scriptId").asText()).isEqualTo("news.js");
        assertThat(invoke.event().path("limits").path("timeoutMs").asLong()).isEqualTo(20_000);
    }

    @Test
    void execute_boundsOutputAndLogsToFitASynchronousInvokeResponse() throws Exception {
        ScriptRequest request = ScriptRequest.of("news.js", SCRIPT, List.of())
                .withLimits(ScriptLimits.DEFAULTS.withMaxOutputBytes(64L << 20).withMaxLogLines(5_000));

        executor(ScriptSource.NONE).execute(request);

        JsonNode limits = invokes.get(0).event().path("limits");
        assertThat(limits.path("maxOutputBytes").asLong()).isEqualTo(LambdaScriptExecutor.MAX_OUTPUT_BYTES);
        assertThat(limits.path("maxLogLines").asInt()).isEqualTo(LambdaScriptExecutor.MAX_LOG_LINES);
        assertThat(limits.path("memoryMb").asInt()).isEqualTo(ScriptLimits.DEFAULTS.memoryMb());
    }

    @Test
    void execute_whenTheRunnerFunctionCrashes_isATransientFailureWithItsMessage() {
        function = event -> functionError("RequestId: 1 Error: Runtime exited with error: exit status 137");

        assertThatThrownBy(() -> executor(ScriptSource.NONE).execute(ScriptRequest.of("x.js", SCRIPT, List.of())))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains(FUNCTION).contains("Unhandled").contains("exit status 137");
                });
    }

    @Test
    void execute_whenTheRunnerFunctionTimedOut_isFatalSinceARetryWouldTimeOutAgain() {
        function = event -> functionError("2026-01-01T00:00:00.000Z 1 Task timed out after 900.00 seconds");

        assertThatThrownBy(() -> executor(ScriptSource.NONE).execute(ScriptRequest.of("x.js", SCRIPT, List.of())))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("fewer sources or a smaller timeoutMs");
                });
    }

    @Test
    void execute_whenTheAnswerIsNotAScriptResult_isATransientFailure() {
        function = event -> new Answer(null, "[1, 2".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> executor(ScriptSource.NONE).execute(ScriptRequest.of("x.js", SCRIPT, List.of())))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("not a script result").contains("[1, 2");
                });
    }

    @Test
    void fromEnvironment_withoutTheFunctionName_refusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> LambdaScriptExecutor.fromEnvironment(Map.of(LambdaScriptExecutor.BUCKET_VARIABLE, "b"), aws.s3()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(LambdaScriptExecutor.FUNCTION_VARIABLE);
    }

    @Test
    void runScript_inAws_readsTheScriptFromTheSequencesBucketAndRunsItInTheRunnerFunction() throws Exception {
        String bucket = aws.createBucket("sequences");
        S3BlobStore sequences = S3BlobStore.of(aws.s3(), bucket);
        sequences.put(BlobKey.of("sequences/scripts/news.js"), SCRIPT.getBytes(StandardCharsets.UTF_8),
                BlobMetadata.of("text/javascript"));
        CommandRunner runner = new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(),
                new CommandServices(CrawlerFactory.configured(CrawlerConfig.defaults()), aws.storage(),
                        executor(new BlobScriptSource(sequences, "sequences/")), Clock.systemUTC(), CommandProgress.NONE));
        ObjectNode payload = JSON.createObjectNode().put("command", "runScript").put("stepId", "extract").put("runId", "run-7");
        payload.putObject("args").put("script", "scripts/news.js").put("timeoutMs", 20_000);

        ObjectNode envelope = runner.run(payload, Duration.ofMinutes(5)).envelope();

        assertThat(envelope.path("status").asText()).as(envelope.toPrettyString()).isEqualTo("success");
        assertThat(envelope.path("recordCount").asInt()).isEqualTo(2);
        assertThat(envelope.path("data").findValuesAsText("_source")).containsOnly("https://news.example/world");
        assertThat(invokes).singleElement().satisfies(i -> assertThat(i.event().path("script").asText()).isEqualTo(SCRIPT));
    }
}
