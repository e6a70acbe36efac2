package io.crawlseq.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.registry.CommandErrors;
import io.crawlseq.lang.registry.CommandRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static JsonNode payload(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static CommandRequest read(String json) throws Exception {
        return CommandRequest.fromPayload(payload(json), CommandRegistry.standard(), NOW);
    }

    @Test
    void fromPayload_appliesRegistryDefaults_keepingGivenValuesAndNestedOnes() throws Exception {
        CommandRequest r = read("{\"command\": \"ensureCountryHubs\", \"stepId\": \"hubs\", \"runId\": \"r1\","
                + " \"args\": {\"maxDownloads\": 50, \"politeness\": {\"delayMs\": 0}}, \"context\": {}}");

        assertThat(r.longArg("maxDownloads")).isEqualTo(50);
        assertThat(r.intArg("maxDepth")).isEqualTo(4);
        assertThat(r.intArg("concurrency")).isEqualTo(4);
        assertThat(r.doubleArg("minConfidence")).isEqualTo(0.6);
        assertThat(r.booleanArg("verify")).isTrue();
        assertThat(r.args().at("/politeness/delayMs").asInt()).isZero();
        assertThat(r.args().at("/politeness/maxConcurrentPerHost").asInt()).isEqualTo(1);
        assertThat(r.hasArg("timeout")).isFalse();
        assertThat(r.deadline()).isEqualTo(NOW);
    }

    @Test
    void startUrl_comesFromTheArgsFirst_thenTheContext_andNonUrlsAreIgnored() throws Exception {
        String base = "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\", ";

        assertThat(read(base + "\"args\": {\"startUrl\": \"https://a.example/\"}, \"context\": {\"startUrl\": \"https://b.example/\"}}")
                .startUrl()).contains("https://a.example/");
        assertThat(read(base + "\"args\": {}, \"context\": {\"startUrl\": \"https://b.example/\"}}").startUrl())
                .contains("https://b.example/");
        assertThat(read(base + "\"args\": {\"startUrl\": \"ftp://a.example/\"}, \"context\": {\"startUrl\": 7}}").startUrl())
                .isEmpty();
    }

    @Test
    void loopPositions_giveTheHistoryStepId_andTheAttemptStartsAtOneUntilTheRunnerReadsTheHistory() throws Exception {
        CommandRequest r = read("{\"command\": \"findTopicHubs\", \"stepId\": \"explore\", \"runId\": \"r\", \"attempt\": 2,"
                + " \"loop\": {\"index\": 3, \"last\": false, \"outer\": {\"index\": 1}}}");

        assertThat(r.iteration()).containsExactly(1, 3);
        assertThat(r.historyStepId()).isEqualTo("explore[1][3]");
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(r.invocation()).isEqualTo(1);
    }

    @Test
    void aContinuation_setsTheInvocationNumber() throws Exception {
        CommandRequest r = read("{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\","
                + " \"continuation\": {\"token\": \"0123456789abcdef0123456789abcdef\", \"invocation\": 4}}");

        assertThat(r.invocation()).isEqualTo(4);
        assertThat(r.continuation().orElseThrow().token()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"stepId\": \"t\", \"runId\": \"r\"}",
        "{\"command\": \"fetchEverything\", \"stepId\": \"t\", \"runId\": \"r\"}",
        "{\"command\": \"findTopicHubs\", \"runId\": \"r\"}",
        "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \" \"}",
        "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\", \"args\": [1]}",
        "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\", \"context\": \"x\"}",
        "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\", \"continuation\": {\"token\": \"../x\", \"invocation\": 2}}",
        "{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\", \"continuation\": {\"token\": \"0123456789abcdef0123456789abcdef\", \"invocation\": 1}}",
    })
    void aBrokenPayload_isAFatalError_neverAResult(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.errorType()).isEqualTo(CommandErrors.FATAL);
            assertThat(e.isTransient()).isFalse();
        });
    }

    @Test
    void requireStartUrl_explainsWhereTheTargetComesFrom() throws Exception {
        CommandRequest r = read("{\"command\": \"findTopicHubs\", \"stepId\": \"t\", \"runId\": \"r\"}");

        assertThatThrownBy(r::requireStartUrl).isInstanceOf(CommandRequest.MissingStartUrl.class)
                .hasMessageContaining("startUrl argument").hasMessageContaining("context");
    }
}
