package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.testing.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The brief's behaviours: return capture, typed errors, timeouts, multi-source runs, result shape, logging. */
class ScriptRunnerTest {

    private static final String A = "https://news.example/a";
    private static final String B = "https://news.example/b";
    private static final String C = "https://news.example/c";

    /** Shares worker JVMs between tests for speed; {@link Isolated} uses the production default of one per run. */
    private static ScriptRunner runner;

    @BeforeAll
    static void startRunner() {
        runner = new ScriptRunner(RunnerConfig.defaults().prestart(true).runsPerWorker(20));
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    private static ScriptResult run(String script, String... sources) {
        return runner.run(ScriptRequest.of("test.js", script, List.of(sources)));
    }

    private static ScriptResult run(String script, ScriptLimits limits, String... sources) {
        return runner.run(ScriptRequest.of("test.js", script, List.of(sources)).withLimits(limits));
    }

    private static List<String> texts(List<ObjectNode> records, String field) {
        return records.stream().map(r -> r.path(field).asText()).toList();
    }

    // ---- return capture ------------------------------------------------------------------------

    @Test
    void run_capturesRecordsReturnedAsABareArray() {
        ScriptResult result = run("function scrapeData(url) { return [{title: 'one', url: url}, {title: 'two', url: url}]; }", A);

        assertThat(result.success()).isTrue();
        assertThat(texts(result.data(), "title")).containsExactly("one", "two");
        assertThat(texts(result.data(), "url")).containsOnly(A);
    }

    @Test
    void run_capturesDataAndMetadataReturnedAsAnObject() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  return {data: [{title: 'only'}], metadata: {pages: 3, site: 'news'}};
                }
                """, A);

        assertThat(texts(result.data(), "title")).containsExactly("only");
        JsonNode metadata = result.sourceResults().get(0).scriptMetadata();
        assertThat(metadata.path("pages").asInt()).isEqualTo(3);
        assertThat(metadata.path("site").asText()).isEqualTo("news");
    }

    @Test
    void run_resolvesThePromiseOfAnAsyncScrapeData() {
        ScriptResult result = run("""
                async function title(n) { await null; return 'title ' + n; }
                async function scrapeData(url) {
                  const titles = await Promise.all([title(1), title(2)]);
                  return titles.map(t => ({title: t}));
                }
                """, A);

        assertThat(result.success()).isTrue();
        assertThat(texts(result.data(), "title")).containsExactly("title 1", "title 2");
    }

    @Test
    void run_keepsEmittedRecordsFirstThenReturnedOnes() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  emit({n: 1});
                  emit({n: 2});
                  return [{n: 3}];
                }
                """, A);

        assertThat(texts(result.data(), "n")).containsExactly("1", "2", "3");
    }

    @Test
    void run_acceptsAScriptThatOnlyEmits() {
        ScriptResult result = run("function scrapeData(url) { emit({n: 1}); }", A);

        assertThat(result.success()).isTrue();
        assertThat(result.data()).hasSize(1);
    }

    @Test
    void run_whenScrapeDataReturnsNothing_succeedsWithNoRecordsAndAWarning() {
        ScriptResult result = run("function scrapeData(url) { const nothing = html.parse('<p></p>').select('a'); }", A);

        assertThat(result.success()).isTrue();
        assertThat(result.data()).isEmpty();
        assertThat(result.logs()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.WARN);
            assertThat(line.message()).contains("returned nothing and emitted no records");
        });
    }

    @Test
    void run_tagsEveryRecordWithItsSource() {
        ScriptResult result = run("function scrapeData(url) { return [{page: url.slice(-1)}]; }", A, B);

        assertThat(result.data()).extracting(r -> r.path(ScriptResult.SOURCE_FIELD).asText()).containsExactly(A, B);
        assertThat(result.recordsOf(B)).singleElement().satisfies(r -> assertThat(r.path("page").asText()).isEqualTo("b"));
    }

    @Test
    void consoleLog_isCollectedAsAnInfoLogLine() {
        ScriptResult result = run("function scrapeData(url) { console.log('seen', 2, {k: 'v'}); log.warn('careful'); return []; }", A);

        assertThat(result.logs()).containsExactly(new LogLine(A, LogLevel.INFO, "seen 2 {\"k\":\"v\"}"),
                new LogLine(A, LogLevel.WARN, "careful"));
    }

    @Test
    void htmlParse_offersSelectTextAttributesAndAbsoluteUrls() {
        ScriptResult result = run("""
                const PAGE = `<html><head><title>World news</title></head><body>
                  <ul id="list"><li class="story"><a href="/world/france">France votes</a></li>
                  <li class="story"><a href="https://other.example/x" data-id="7">Elsewhere</a></li></ul></body></html>`;
                function scrapeData(url) {
                  const doc = html.parse(PAGE, url);
                  return doc.select('li.story a').map(a => ({
                    title: a.text(), href: a.attr('href'), abs: a.absUrl('href'), id: a.attr('data-id'),
                    tag: a.tagName(), parent: a.parent().tagName(), page: doc.title(),
                    siblings: doc.selectFirst('#list').children().length}));
                }
                """, "https://news.example/index.html");

        assertThat(result.success()).as(ScriptResultJson.toJson(result)).isTrue();
        ObjectNode first = result.data().get(0);
        assertThat(first.path("title").asText()).isEqualTo("France votes");
        assertThat(first.path("abs").asText()).isEqualTo("https://news.example/world/france");
        assertThat(first.path("id").isNull()).isTrue();
        assertThat(first.path("parent").asText()).isEqualTo("li");
        assertThat(first.path("page").asText()).isEqualTo("World news");
        assertThat(first.path("siblings").asInt()).isEqualTo(2);
        assertThat(result.data().get(1).path("id").asText()).isEqualTo("7");
    }

    @Test
    void htmlSelect_withAnInvalidSelector_isARuntimeErrorNamingIt() {
        ScriptResult result = run("function scrapeData(url) { return html.parse('<p>x</p>').select('p[').map(e => ({})); }", A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Runtime.class,
                e -> assertThat(e.message()).contains("invalid CSS selector 'p['"));
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void run_withASyntaxError_reportsLineColumnAndTheLine_andRunsNoSource() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  const items = [1, 2;
                  return items;
                }
                """, A, B);

        assertThat(result.success()).isFalse();
        assertThat(result.sourceResults()).isEmpty();
        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Syntax.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(22);
            assertThat(e.lineText()).isEqualTo("  const items = [1, 2;");
            assertThat(e.source()).isNull();
        });
    }

    @Test
    void run_withAThrowingScript_reportsARuntimeErrorWithTheScriptStack() {
        ScriptResult result = run("""
                function parseTitle(node) {
                  return node.missing.text();
                }
                function scrapeData(url) {
                  return [{title: parseTitle({})}];
                }
                """, A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Runtime.class, e -> {
            assertThat(e.errorName()).isEqualTo("TypeError");
            assertThat(e.message()).contains("text");
            assertThat(e.stack()).extracting(ScriptFrame::function, ScriptFrame::line)
                    .startsWith(org.assertj.core.groups.Tuple.tuple("parseTitle", 2),
                            org.assertj.core.groups.Tuple.tuple("scrapeData", 5));
            assertThat(e.lineText()).isEqualTo("  return node.missing.text();");
            assertThat(e.source()).isEqualTo(A);
        });
    }

    @Test
    void run_withAnAsyncRejection_reportsTheStackOfTheError() {
        ScriptResult result = run("""
                async function scrapeData(url) {
                  await null;
                  throw new RangeError('page ' + url + ' is empty');
                }
                """, A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Runtime.class, e -> {
            assertThat(e.errorName()).isEqualTo("RangeError");
            assertThat(e.message()).isEqualTo("page " + A + " is empty");
            assertThat(e.stack()).first().extracting(ScriptFrame::line).isEqualTo(3);
        });
    }

    @Test
    void run_withoutScrapeData_reportsARuntimeError() {
        ScriptResult result = run("function scrape(url) { return []; }", A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Runtime.class,
                e -> assertThat(e.message()).contains("does not define a function scrapeData(url)"));
    }

    @Test
    void run_withHostClassAccess_reportsASecurityError() {
        ScriptResult result = run("function scrapeData(url) { return [{rt: String(Java.type('java.lang.Runtime'))}]; }", A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Security.class,
                e -> assertThat(e.attempted()).isEqualTo("Java"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'text'", "42", "null", "{items: []}", "[{ok: 1}, 'not a record']", "[[1, 2]]"})
    void run_whenScrapeDataReturnsSomethingOtherThanRecords_reportsAParseError(String returned) {
        ScriptResult result = run("function scrapeData(url) { return " + returned + "; }", A);

        assertThat(result.errors()).singleElement().isInstanceOf(ScriptError.Parse.class);
    }

    @Test
    void run_whenASourceOverrunsItsTime_reportsATimeoutKeepingTheRecordsEmittedBefore() {
        ScriptLimits limits = ScriptLimits.DEFAULTS.withTimeoutMs(1_500).withStatementLimit(10_000_000_000L);

        ScriptResult result = run("""
                function scrapeData(url) {
                  emit({n: 1});
                  emit({n: 2});
                  while (true) {}
                }
                """, limits, A);

        assertThat(texts(result.data(), "n")).containsExactly("1", "2");
        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Timeout.class, e -> {
            assertThat(e.limitMs()).isEqualTo(1_500);
            assertThat(e.elapsedMs()).isGreaterThanOrEqualTo(1_500);
            assertThat(e.partialRecords()).isEqualTo(2);
        });
        assertThat(result.sourceResults().get(0).records()).isEqualTo(2);
    }

    @Test
    void run_whenTheStatementLimitIsReached_reportsAResourceError() {
        ScriptResult result = run("function scrapeData(url) { for (;;) {} }",
                ScriptLimits.DEFAULTS.withStatementLimit(100_000), A);

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Resource.class,
                e -> assertThat(e.resource()).isEqualTo(ResourceKind.STATEMENTS));
    }

    @Test
    void run_whenTheRecordLimitIsReached_keepsTheRecordsUpToTheLimit() {
        ScriptResult result = run("function scrapeData(url) { for (let i = 0; ; i++) emit({i: i}); }",
                ScriptLimits.DEFAULTS.withMaxRecords(5), A);

        assertThat(result.data()).hasSize(5);
        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Resource.class,
                e -> assertThat(e.resource()).isEqualTo(ResourceKind.RECORDS));
    }

    // ---- multi-source --------------------------------------------------------------------------

    @Test
    void run_runsSourcesInTheGivenOrder() {
        ScriptResult result = run("function scrapeData(url) { log.info('visiting ' + url); return [{from: url}]; }", C, A, B);

        assertThat(texts(result.data(), "from")).containsExactly(C, A, B);
        assertThat(result.sourceResults()).extracting(SourceResult::source).containsExactly(C, A, B);
        assertThat(result.metadata().sources()).containsExactly(C, A, B);
        assertThat(result.logs()).extracting(LogLine::message).containsExactly("visiting " + C, "visiting " + A, "visiting " + B);
    }

    @Test
    void run_continuesPastAFailingSource_andReportsEachSource() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  if (url.endsWith('/b')) throw new Error('no articles on ' + url);
                  return [{from: url}, {from: url, second: true}];
                }
                """, A, B, C);

        assertThat(result.success()).isFalse();
        assertThat(texts(result.data(), "from")).containsExactly(A, A, C, C);
        assertThat(result.sourceResults()).extracting(SourceResult::source, SourceResult::success, SourceResult::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, true, 2),
                        org.assertj.core.groups.Tuple.tuple(B, false, 0),
                        org.assertj.core.groups.Tuple.tuple(C, true, 2));
        assertThat(result.sourceResults().get(1).error().message()).isEqualTo("no articles on " + B);
        assertThat(result.errors()).singleElement().extracting(ScriptError::source).isEqualTo(B);
    }

    @Test
    void run_continuesPastATimedOutSource_inAFreshWorker() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  if (url.endsWith('/b')) { emit({from: url}); for (;;) {} }
                  return [{from: url}];
                }
                """, ScriptLimits.DEFAULTS.withTimeoutMs(1_500).withStatementLimit(10_000_000_000L), A, B, C);

        assertThat(texts(result.data(), "from")).containsExactly(A, B, C);
        assertThat(result.sourceResults()).extracting(SourceResult::success).containsExactly(true, false, true);
        assertThat(result.sourceResults().get(1).error()).isInstanceOf(ScriptError.Timeout.class);
    }

    @Test
    void run_dropsDuplicateRecords_countingThemAtTheSourceWhereTheyReappear() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  return [{title: 'shared', tags: ['a', 'b']}, {tags: ['a', 'b'], title: 'shared'}, {title: url}];
                }
                """, A, B);

        assertThat(texts(result.data(), "title")).containsExactly("shared", A, B);
        assertThat(result.sourceResults()).extracting(SourceResult::records, SourceResult::duplicates)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(1, 2));
        assertThat(result.metadata().totalCount()).isEqualTo(6);
        assertThat(result.metadata().filteredCount()).isEqualTo(3);
        assertThat(result.metadata().duplicateCount()).isEqualTo(3);
    }

    @Test
    void run_withoutSources_usesTheScriptsDefaultUrls() {
        ScriptResult result = run("""
                const DEFAULT_URLS = ['https://news.example/x', 'https://news.example/y'];
                function scrapeData(url) { return [{from: url}]; }
                """);

        assertThat(result.metadata().sources()).containsExactly("https://news.example/x", "https://news.example/y");
        assertThat(texts(result.data(), "from")).containsExactly("https://news.example/x", "https://news.example/y");
    }

    @Test
    void run_withoutSourcesOrDefaultUrls_usesTheFallbackSources() {
        ScriptResult result = runner.run(ScriptRequest.of("test.js", "function scrapeData(url) { return [{from: url}]; }",
                List.of()).withFallbackSources(List.of(A)));

        assertThat(texts(result.data(), "from")).containsExactly(A);
    }

    @Test
    void run_withNoSourceAtAll_reportsARequestError() {
        ScriptResult result = run("function scrapeData(url) { return []; }");

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Request.class,
                e -> assertThat(e.message()).contains("no sources"));
    }

    @Test
    void run_withAnInvalidRequest_reportsEveryProblemWithoutRunningAnything() {
        ScriptRequest request = new ScriptRequest("bad.js", " ", List.of("file:///etc/passwd"),
                ScriptLimits.DEFAULTS.withTimeoutMs(5).withMemoryMb(1), List.of());

        ScriptResult result = runner.run(request);

        assertThat(result.errors()).extracting(ScriptError::message).containsExactly("script is empty",
                "sources[0]: 'file:///etc/passwd' is not an http or https URL",
                "timeoutMs must be between 100 and 840000 (was 5)", "memoryMb must be between 32 and 2048 (was 1)");
        assertThat(result.sourceResults()).isEmpty();
    }

    /** Property: whatever mix of sources succeeds or fails, records keep source order and the counts add up. */
    @Test
    void run_multiSourceAggregation_preservesOrderAndCounts_forRandomMixes() {
        Random random = new Random(20261121L);
        for (int round = 0; round < 6; round++) {
            int sourceCount = 1 + random.nextInt(4);
            List<String> sources = new ArrayList<>();
            List<String> expectedOrder = new ArrayList<>();
            int expectedFailures = 0;
            StringBuilder plan = new StringBuilder("const PLAN = {");
            for (int s = 0; s < sourceCount; s++) {
                String source = "https://news.example/r" + round + "/s" + s;
                int records = random.nextInt(4);
                boolean fails = random.nextInt(4) == 0;
                sources.add(source);
                plan.append('"').append(source).append("\": [").append(records).append(", ").append(fails).append("],");
                for (int r = 0; r < records; r++) {
                    expectedOrder.add(source + "#" + r);
                }
                expectedFailures += fails ? 1 : 0;
            }
            String script = plan.append("};\n").append("""
                    function scrapeData(url) {
                      const [count, fails] = PLAN[url];
                      for (let i = 0; i < count; i++) emit({id: url + '#' + i});
                      if (fails) throw new Error('planned failure');
                    }
                    """).toString();

            ScriptResult result = runner.run(ScriptRequest.of("plan.js", script, sources));

            assertThat(texts(result.data(), "id")).as("round %d", round).containsExactlyElementsOf(expectedOrder);
            assertThat(result.sourceResults()).extracting(SourceResult::source).containsExactlyElementsOf(sources);
            assertThat(result.errors()).hasSize(expectedFailures);
            assertThat(result.success()).isEqualTo(expectedFailures == 0);
            assertThat(result.metadata().totalCount()).isEqualTo(expectedOrder.size());
        }
    }

    // ---- result structure and logging ----------------------------------------------------------

    @Test
    void result_json_hasEveryFieldOfTheContract() throws Exception {
        ScriptResult result = run("function scrapeData(url) { return [{title: 't'}]; }", A);

        JsonNode json = ScriptResultJson.mapper().readTree(ScriptResultJson.toJson(result));

        assertThat(json.fieldNames()).toIterable().contains("success", "data", "metadata", "sourceResults", "errors", "logs");
        assertThat(json.path("metadata").fieldNames()).toIterable().containsExactlyInAnyOrder("totalCount",
                "filteredCount", "duplicateCount", "scriptId", "sources", "executionTimeMs", "scrapedAt");
        assertThat(json.path("metadata").path("scriptId").asText()).isEqualTo("test.js");
        assertThat(json.path("metadata").path("scrapedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("sourceResults").get(0).fieldNames()).toIterable()
                .contains("source", "success", "records", "duplicates", "elapsedMs");
        assertThat(json.path("data").get(0).path("_source").asText()).isEqualTo(A);
    }

    @Test
    void run_logsStartEachSourceAndCompletion() {
        run("function scrapeData(url) { return [{from: url}]; }", A, B);

        assertThat(CapturedLogs.messages("io.crawlseq.sandbox.ScriptRunner")).satisfiesExactly(
                m -> assertThat(m).isEqualTo("script test.js: starting with 2 source(s): [" + A + ", " + B + "]"),
                m -> assertThat(m).isEqualTo("script test.js: source 1/2 " + A + " started"),
                m -> assertThat(m).matches("script test\\.js: source 1/2 \\S+/a finished in \\d+ ms: 1 record\\(s\\), 0 duplicate\\(s\\)"),
                m -> assertThat(m).isEqualTo("script test.js: source 2/2 " + B + " started"),
                m -> assertThat(m).matches("script test\\.js: source 2/2 \\S+/b finished in \\d+ ms: 1 record\\(s\\), 0 duplicate\\(s\\)"),
                m -> assertThat(m).matches("script test\\.js: completed in \\d+ ms: success=true, 2 record\\(s\\) from 2 "
                        + "source\\(s\\), 0 duplicate\\(s\\), 0 error\\(s\\)"));
    }

    @Test
    void run_logsErrorsAsWarningsWithTheirType() {
        run("function scrapeData(url) { throw new TypeError('bad page'); }", A);

        assertThat(CapturedLogs.events()).filteredOn(e -> e.level() == org.slf4j.event.Level.WARN)
                .extracting(CapturedLogs.Event::message)
                .anySatisfy(m -> assertThat(m).matches("script test\\.js: source 1/1 \\S+ failed after \\d+ ms with a "
                        + "runtime error: bad page \\(0 record\\(s\\) kept\\)"));
    }

    @Test
    void run_forwardsScriptLogLinesToTheScriptLogger() {
        run("function scrapeData(url) { log.error('selector matched nothing'); return []; }", A);

        assertThat(CapturedLogs.events()).filteredOn(e -> e.logger().equals("io.crawlseq.sandbox.script"))
                .singleElement().satisfies(e -> {
                    assertThat(e.level()).isEqualTo(org.slf4j.event.Level.ERROR);
                    assertThat(e.message()).isEqualTo("script test.js " + A + ": selector matched nothing");
                });
    }

    /** With the production default: every run in a JVM of its own. */
    @Nested
    class Isolated {

        private static ScriptRunner isolated;

        @BeforeAll
        static void start() {
            isolated = new ScriptRunner(RunnerConfig.defaults().prestart(true));
        }

        @AfterAll
        static void stop() {
            isolated.close();
        }

        @Test
        void run_whenTheHeapLimitIsExceeded_reportsAMemoryResourceError() {
            ScriptResult result = isolated.run(ScriptRequest.of("hog.js", """
                    function scrapeData(url) {
                      const keep = [];
                      for (let i = 0; ; i++) keep.push(new Array(1e6).fill(i));
                    }
                    """, List.of(A)).withLimits(ScriptLimits.DEFAULTS.withMemoryMb(64)));

            assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Resource.class, e -> {
                assertThat(e.resource()).isEqualTo(ResourceKind.MEMORY);
                assertThat(e.limit()).isEqualTo(64);
            });
        }

        @Test
        void run_afterARunawayScript_servesTheNextScript() {
            ScriptResult runaway = isolated.run(ScriptRequest.of("runaway.js", "function scrapeData(url) { for (;;) {} }",
                    List.of(A)).withLimits(ScriptLimits.DEFAULTS.withTimeoutMs(1_000).withStatementLimit(10_000_000_000L)));
            ScriptResult normal = isolated.run(ScriptRequest.of("normal.js",
                    "function scrapeData(url) { return [{ok: true}]; }", List.of(A)));

            assertThat(runaway.errors()).singleElement().isInstanceOf(ScriptError.Timeout.class);
            assertThat(normal.success()).isTrue();
            assertThat(normal.data()).hasSize(1);
        }
    }
}
