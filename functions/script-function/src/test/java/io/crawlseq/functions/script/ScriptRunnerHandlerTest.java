package io.crawlseq.functions.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.sandbox.CrawlerScriptHttp;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptHttp;
import io.crawlseq.sandbox.ScriptRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void lambdaConfig_prestartsAWorkerAndUsesTheGivenFetcher() {
        ScriptHttp http = ScriptHttp.disabled();

        RunnerConfig config = ScriptRunnerHandler.lambdaConfig(Map.of(), http);

        assertThat(config.prestart()).isTrue();
        assertThat(config.http()).isSameAs(http);
    }

    @Test
    void crawlerConfig_opensOnlyTheHostsOfTheAllowListVariable() {
        CrawlerConfig config = ScriptRunnerHandler.crawlerConfig(Map.of(AllowList.ENVIRONMENT_VARIABLE, "127.0.0.1:8123"));

        assertThat(config.fetch().allowList().allows(UrlParser.parse("http://127.0.0.1:8123/").orElseThrow())).isTrue();
        assertThat(config.fetch().allowList().allows(UrlParser.parse("http://127.0.0.1:8124/").orElseThrow())).isFalse();
        assertThat(ScriptRunnerHandler.crawlerConfig(Map.of()).fetch().allowList().isEmpty()).isTrue();
    }

    @Test
    void crawlerConfig_withAMalformedAllowList_refusesToStart() {
        assertThatThrownBy(() -> ScriptRunnerHandler.crawlerConfig(Map.of(AllowList.ENVIRONMENT_VARIABLE, "http://a.example/")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AllowList.ENVIRONMENT_VARIABLE).hasMessageContaining("not a URL");
    }

    @Test
    void handler_withTheLambdasFetcher_fetchesAnAllowListedFixtureAndRefusesTheMetadataService() throws Exception {
        try (LoopbackServer site = LoopbackServer.start();
             CrawlerScriptHttp http = CrawlerScriptHttp.open(ScriptRunnerHandler.crawlerConfig(
                     Map.of(AllowList.ENVIRONMENT_VARIABLE, site.hostPort())));
             ScriptRunner fetching = new ScriptRunner(RunnerConfig.defaults().http(http))) {
            site.route("/world", Responses.html("<title>World</title><h2>Fixture headline</h2>"));
            String script = "function scrapeData(url) { const doc = html.parse(http.get(url).body);"
                    + " let metadata = 'reached'; try { http.get('http://169.254.169.254/latest/meta-data/'); }"
                    + " catch (e) { metadata = e.name; }"
                    + " return [{headline: doc.selectFirst('h2').text(), metadata: metadata}]; }";
            String event = JSON.writeValueAsString(Map.of("scriptId", "fixture.js", "script", script,
                    "sources", List.of(site.url("/world"))));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ScriptRunnerHandler(fetching).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            JsonNode result = JSON.readTree(out.toByteArray());

            assertThat(result.path("success").asBoolean()).as(result.toPrettyString()).isTrue();
            assertThat(result.path("data").get(0).path("headline").asText()).isEqualTo("Fixture headline");
            assertThat(result.path("data").get(0).path("metadata").asText()).isEqualTo("SecurityError");
            assertThat(site.paths()).containsExactly("/robots.txt", "/world");
        }
    }
}
