package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORLD = "https://news.example/world";
    private static final String US = "https://news.example/us";
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

    private static ObjectNode record(String source, String title) {
        ObjectNode record = JSON.createObjectNode().put("title", title).put("url", source + "/1");
        record.putArray("tags").add("a").add("b").add("c");
        record.putObject("author").put("name", "N").put("id", 1);
        record.put(ScriptResult.SOURCE_FIELD, source);
        return record;
    }

    private static ScriptResult twoSources(List<ScriptError> extraRunErrors, ScriptError usError, List<ObjectNode> usRecords) {
        List<ObjectNode> data = new ArrayList<>(List.of(record(WORLD, "France votes"), record(WORLD, "Spain floods")));
        data.addAll(usRecords);
        List<SourceResult> sources = List.of(
                new SourceResult(WORLD, true, 2, 1, 520, null, null),
                new SourceResult(US, usError == null, usRecords.size(), 0, 30_010, usError, null));
        List<ScriptError> errors = new ArrayList<>(extraRunErrors);
        if (usError != null) {
            errors.add(usError);
        }
        ResultMetadata metadata = new ResultMetadata(3 + usRecords.size(), 2 + usRecords.size(), 1, "news.js",
                List.of(WORLD, US), 31_234, AT);
        return new ScriptResult(errors.isEmpty(), data, metadata, sources, errors,
                List.of(new LogLine(WORLD, LogLevel.INFO, "found 3 links"), new LogLine(US, LogLevel.WARN, "slow page")));
    }

    @Test
    void format_startsWithASummaryHeader() {
        String text = ConsoleFormatter.standard().format(twoSources(List.of(), null, List.of()));

        assertThat(text.lines().limit(4).toList()).containsExactly("=".repeat(72),
                "Script news.js: SUCCESS",
                "Sources: 2   Records: 2 (3 produced, 1 duplicate)   Time: 31.23 s   Scraped at: 2026-11-21T10:15:30Z",
                "=".repeat(72));
    }

    @Test
    void format_groupsRecordsBySource_summarisingNestedValues() {
        String text = ConsoleFormatter.standard().format(twoSources(List.of(), null, List.of(record(US, "Vote count"))));

        assertThat(text).contains("""
                Source 1/2: https://news.example/world  ok: 2 records, 1 duplicate, 0.52 s
                  [1] title: "France votes"  url: "https://news.example/world/1"  tags: [3 items]  author: {2 fields}
                  [2] title: "Spain floods"  url: "https://news.example/world/1"  tags: [3 items]  author: {2 fields}

                Source 2/2: https://news.example/us  ok: 1 record, 30.01 s
                  [1] title: "Vote count"\
                """);
        assertThat(text).doesNotContain("_source");
    }

    @Test
    void format_truncatesLongValuesAndCapsRecordsPerSource() {
        List<ObjectNode> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(JSON.createObjectNode().put("body", "x".repeat(100) + i).put(ScriptResult.SOURCE_FIELD, US));
        }
        ConsoleFormatter formatter = ConsoleFormatter.withOptions(new ConsoleFormatter.Options(10, 2, 20, 8));

        String text = formatter.format(twoSources(List.of(), null, many));

        assertThat(text).contains("  [1] body: \"xxxxxxxxxx…\"\n  [2] body: \"xxxxxxxxxx…\"\n  … 3 more records\n");
    }

    @Test
    void format_showsStatistics() {
        String text = ConsoleFormatter.standard().format(twoSources(List.of(), null, List.of()));

        assertThat(text).contains("""
                Statistics
                  Records produced:  3
                  Unique records:    2
                  Duplicates:        1
                  Sources succeeded: 2 of 2
                  Log lines:         2
                  Execution time:    31.23 s
                """);
    }

    @Test
    void format_showsASyntaxErrorWithTheLineAndACaretUnderTheColumn() {
        ScriptError syntax = new ScriptError.Syntax("Expected comma but found ;", 2, 22, "  const items = [1, 2;");
        ResultMetadata metadata = new ResultMetadata(0, 0, 0, "broken.js", List.of(), 80, AT);

        String text = ConsoleFormatter.standard().format(
                new ScriptResult(false, List.of(), metadata, List.of(), List.of(syntax), List.of()));

        assertThat(text).contains("Script broken.js: FAILED\n");
        assertThat(text).contains("""
                Errors (1)
                  1. syntax error at line 2, column 22
                     Expected comma but found ;
                     2 |   const items = [1, 2;
                       |                      ^
                """);
    }

    @Test
    void format_showsARuntimeErrorWithTheLineAndTheScriptStack() {
        ScriptError runtime = new ScriptError.Runtime(US, "Cannot read property 'text' of null", "TypeError",
                List.of(new ScriptFrame("parseTitle", 12, 28), new ScriptFrame("scrapeData", 30, 5)),
                "  const title = doc.selectFirst('h1').text();");

        String text = ConsoleFormatter.standard().format(twoSources(List.of(), runtime, List.of()));

        assertThat(text).contains("Script news.js: FAILED (1 of 2 sources failed)");
        assertThat(text).contains("Source 2/2: https://news.example/us  FAILED (runtime): 0 records, 30.01 s");
        assertThat(text).contains("""
                  1. runtime error in https://news.example/us: TypeError
                     Cannot read property 'text' of null
                     12 |   const title = doc.selectFirst('h1').text();
                        |                            ^
                     at parseTitle (line 12, column 28)
                     at scrapeData (line 30, column 5)
                """);
    }

    @Test
    void format_showsTimeoutsWithTheirPartialRecords_andOtherErrorsWithTheirDetails() {
        ScriptError timeout = new ScriptError.Timeout(US, "the script ran longer than its limit of 30000 ms and was stopped",
                30_000, 30_010, 1);
        ScriptError network = new ScriptError.Network(WORLD, "connection refused", "http://10.0.0.1/", null, "BLOCKED_ADDRESS");
        ScriptError resource = new ScriptError.Resource(WORLD, "out of heap", ResourceKind.MEMORY, 256);

        String text = ConsoleFormatter.standard().format(twoSources(List.of(network, resource), timeout, List.of(record(US, "Partial"))));

        assertThat(text).contains("FAILED (timeout): 1 record, 30.01 s");
        assertThat(text).contains("network error in https://news.example/world: http://10.0.0.1/ BLOCKED_ADDRESS");
        assertThat(text).contains("resource error in https://news.example/world: memory (limit 256)");
        assertThat(text).contains("""
                  3. timeout error in https://news.example/us
                     the script ran longer than its limit of 30000 ms and was stopped
                     stopped after 30.01 s; the 1 record emitted before the limit is kept
                """);
    }

    @Test
    void format_listsTheScriptsLogLines() {
        String text = ConsoleFormatter.standard().format(twoSources(List.of(), null, List.of()));

        assertThat(text).endsWith("""
                Logs (2)
                  info  [https://news.example/world] found 3 links
                  warn  [https://news.example/us] slow page
                """);
    }

    @Test
    void format_isAPureFunctionOfTheResult() {
        ScriptResult result = twoSources(List.of(), null, List.of(record(US, "x")));

        assertThat(ConsoleFormatter.standard().format(result)).isEqualTo(ConsoleFormatter.standard().format(result));
    }
}
