package io.crawlseq.functions.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScriptRunnerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScriptRunner runner;
    private static ScriptRunnerHandler handler;

    @BeforeAll
    static void start() {
        runner = new ScriptRunner(RunnerConfig.defaults());
        handler = new ScriptRunnerHandler(runner);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static Path sampleEvent() {
        return Path.of(System.getProperty("crawlseq.repo.dir", "../.."), "events", "script-runner.json");
    }

    @Test
    void handler_withTheSampleEvent_returnsTheHeadlinesOfBothSources() throws Exception {
        JsonNode result = invoke(Files.readAllBytes(sampleEvent()));

        assertThat(result.path("success").asBoolean()).as(result.toPrettyString()).isTrue();
        assertThat(result.path("data").findValuesAsText("title")).containsExactly("France goes to the polls",
                "Earthquake shakes northern Japan", "Central banks hold rates");
        assertThat(result.path("data").get(2).path("_source").asText()).isEqualTo("https://news.example/business");
        assertThat(result.path("data").get(0).path("url").asText()).isEqualTo("https://news.example/world/france-election");
        JsonNode metadata = result.path("metadata");
        assertThat(metadata.path("scriptId").asText()).isEqualTo("example-headlines.js");
        assertThat(metadata.path("totalCount").asInt()).isEqualTo(4);
        assertThat(metadata.path("duplicateCount").asInt()).isEqualTo(1);
        assertThat(result.path("sourceResults").get(1).path("scriptMetadata").path("section").asText()).isEqualTo("Business");
        assertThat(result.path("logs").get(0).path("message").asText()).isEqualTo("found 2 articles on World");
    }

    @Test
    void handler_withOnlyAScriptKey_refusesWithARequestError() throws Exception {
        JsonNode result = invoke("{\"scriptKey\": \"scripts/news.js\", \"sources\": [\"https://news.example/\"]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.path("success").asBoolean()).isFalse();
        assertThat(result.path("errors").get(0).path("type").asText()).isEqualTo("request");
        assertThat(result.path("errors").get(0).path("message").asText()).contains("scriptKey is not supported");
    }

    @Test
    void handler_withAnEventThatIsNotJson_refusesWithARequestError() throws Exception {
        JsonNode result = invoke("script=x".getBytes(StandardCharsets.UTF_8));

        assertThat(result.path("errors").get(0).path("type").asText()).isEqualTo("request");
        assertThat(result.path("errors").get(0).path("message").asText()).startsWith("the event is not a valid");
    }

    @Test
    void handler_withLimitsOutOfRange_refusesWithARequestError() throws Exception {
        JsonNode result = invoke("{\"script\": \"function scrapeData(u) { return []; }\", \"sources\": [\"https://a.example/\"], \"limits\": {\"memoryMb\": 4096}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.path("errors").get(0).path("message").asText())
                .isEqualTo("memoryMb must be between 32 and 2048 (was 4096)");
    }

    @Test
    void lambdaConfig_prestartsAWorker() {
        assertThat(ScriptRunnerHandler.lambdaConfig().prestart()).isTrue();
    }
}
