package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptResultJsonTest {

    private static final String SOURCE = "https://news.example/";

    @Test
    void result_withEveryKindOfError_survivesAJsonRoundTrip() {
        ObjectNode record = ScriptResultJson.mapper().createObjectNode().put("title", "t").put("_source", SOURCE);
        List<ScriptError> errors = List.of(
                new ScriptError.Syntax("Expected ;", 3, 7, "let x = 1 2"),
                new ScriptError.Runtime(SOURCE, "boom", "TypeError", List.of(new ScriptFrame("scrapeData", 4, 2)), "  boom()"),
                new ScriptError.Security(SOURCE, "no Java", "Java"),
                new ScriptError.Timeout(SOURCE, "too slow", 1000, 1012, 2),
                new ScriptError.Resource(SOURCE, "heap", ResourceKind.MEMORY, 256),
                new ScriptError.Network(SOURCE, "refused", "http://10.0.0.1/", 503, "BLOCKED_ADDRESS"),
                new ScriptError.Parse(SOURCE, "not records"),
                new ScriptError.Request("script is empty"));
        ScriptResult result = new ScriptResult(false, List.of(record),
                new ResultMetadata(1, 1, 0, "x.js", List.of(SOURCE), 42, Instant.parse("2026-11-21T10:00:00Z")),
                List.of(new SourceResult(SOURCE, false, 1, 0, 12, errors.get(1),
                        ScriptResultJson.mapper().createObjectNode().put("pages", 2))),
                errors, List.of(new LogLine(SOURCE, LogLevel.WARN, "w"), new LogLine(null, LogLevel.INFO, "i")));

        ScriptResult back = ScriptResultJson.fromJson(ScriptResultJson.toJson(result));

        assertThat(back).isEqualTo(result);
    }

    @Test
    void errors_carryTheirTypeAsAJsonField() throws Exception {
        JsonNode json = ScriptResultJson.mapper().valueToTree(new ScriptError.Timeout(SOURCE, "slow", 1, 2, 3));

        assertThat(json.path("type").asText()).isEqualTo("timeout");
        assertThat(json.path("partialRecords").asInt()).isEqualTo(3);
        assertThat(json.has("source")).isTrue();
    }

    @Test
    void limits_readFromJson_takeDefaultsForAbsentFields() throws Exception {
        ScriptLimits limits = ScriptResultJson.mapper().readValue("{\"timeoutMs\": 5000}", ScriptLimits.class);

        assertThat(limits).isEqualTo(ScriptLimits.DEFAULTS.withTimeoutMs(5000));
    }

    @Test
    void request_survivesAJsonRoundTrip_andTakesDefaultsForAbsentFields() throws Exception {
        ScriptRequest request = new ScriptRequest("a.js", "function scrapeData(u) {}", List.of(SOURCE),
                ScriptLimits.DEFAULTS.withMemoryMb(128), List.of("https://fallback.example/"));
        var mapper = ScriptResultJson.mapper();

        assertThat(mapper.readValue(mapper.writeValueAsString(request), ScriptRequest.class)).isEqualTo(request);
        assertThat(mapper.readValue("{\"script\": \"x\", \"unknown\": 1}", ScriptRequest.class))
                .isEqualTo(new ScriptRequest("script", "x", List.of(), ScriptLimits.DEFAULTS, List.of()));
    }
}
