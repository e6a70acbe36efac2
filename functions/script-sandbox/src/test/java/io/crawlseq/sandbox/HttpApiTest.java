package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The script side of {@code http.get}: how outcomes of {@link ScriptHttp} reach the script and its
 * result. The fetches themselves are answered from a table here; {@code CrawlerScriptHttpTest} covers the
 * real fetcher against a loopback site.
 */
class HttpApiTest {

    private static final String PAGE = "https://news.example/world";
    private static final List<FetchRequest> REQUESTS = new CopyOnWriteArrayList<>();
    private static ScriptRunner runner;

    private static FetchOutcome answer(FetchRequest request) {
        REQUESTS.add(request);
        return switch (request.url()) {
            case PAGE -> new FetchOutcome.Fetched(200, PAGE + "/", Map.of("content-type", "text/html"),
                    "<h1>World</h1><a href='/world/one'>One</a>");
            case "https://news.example/missing" -> new FetchOutcome.Fetched(404, "https://news.example/missing",
                    Map.of(), "not here");
            case "http://169.254.169.254/latest/meta-data/" -> new FetchOutcome.Refused(
                    FetchOutcome.RefusalKind.SECURITY, "BLOCKED_BY_POLICY", "link-local address refused", null);
            default -> new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK, "NETWORK_ERROR",
                    "unknown host", null);
        };
    }

    @BeforeAll
    static void start() {
        runner = new ScriptRunner(RunnerConfig.defaults().http(HttpApiTest::answer).prestart(true).runsPerWorker(20));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static ScriptResult run(String script, ScriptLimits limits) {
        REQUESTS.clear();
        return runner.run(ScriptRequest.of("http.js", script, List.of(PAGE)).withLimits(limits));
    }

    private static ScriptResult run(String script) {
        return run(script, ScriptLimits.DEFAULTS);
    }

    @Test
    void httpGet_returnsStatusHeadersFinalUrlAndBody() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  const page = http.get(url, {headers: {'Accept-Language': 'fr'}});
                  const doc = html.parse(page.body, page.url);
                  return [{status: page.status, type: page.headers['content-type'], url: page.url,
                           title: doc.selectFirst('h1').text(), link: doc.selectFirst('a').absUrl('href')}];
                }
                """);

        assertThat(result.success()).as(ScriptResultJson.toJson(result)).isTrue();
        var record = result.data().get(0);
        assertThat(record.path("status").asInt()).isEqualTo(200);
        assertThat(record.path("type").asText()).isEqualTo("text/html");
        assertThat(record.path("url").asText()).isEqualTo(PAGE + "/");
        assertThat(record.path("link").asText()).isEqualTo("https://news.example/world/one");
        assertThat(REQUESTS).singleElement().satisfies(r -> assertThat(r.headers()).containsEntry("Accept-Language", "fr"));
    }

    @Test
    void httpGet_ofAnErrorStatus_returnsNormallyForTheScriptToJudge() {
        ScriptResult result = run("function scrapeData(url) { return [{status: http.get('https://news.example/missing').status}]; }");

        assertThat(result.data().get(0).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void httpGet_thatFails_endsTheSourceWithANetworkError_unlessCaught() {
        ScriptResult uncaught = run("function scrapeData(url) { http.get('https://gone.example/'); return []; }");
        ScriptResult caught = run("""
                function scrapeData(url) {
                  try { http.get('https://gone.example/'); } catch (e) { return [{name: e.name, message: e.message}]; }
                }
                """);

        assertThat(uncaught.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Network.class, e -> {
            assertThat(e.url()).isEqualTo("https://gone.example/");
            assertThat(e.outcome()).isEqualTo("NETWORK_ERROR");
            assertThat(e.message()).contains("unknown host");
        });
        assertThat(caught.success()).isTrue();
        assertThat(caught.data().get(0).path("name").asText()).isEqualTo("NetworkError");
    }

    @Test
    void httpGet_refusedByTheFetchersGuard_endsTheSourceWithASecurityError() {
        ScriptResult result = run("function scrapeData(url) { return [{b: http.get('http://169.254.169.254/latest/meta-data/').body}]; }");

        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Security.class,
                e -> assertThat(e.attempted()).isEqualTo("BLOCKED_BY_POLICY"));
    }

    @Test
    void httpGet_beyondTheFetchLimit_endsTheSourceWithAResourceError() {
        ScriptResult result = run("""
                function scrapeData(url) {
                  for (let i = 0; i < 10; i++) {
                    try { http.get(url); } catch (e) { /* keep trying */ }
                  }
                  return [];
                }
                """, ScriptLimits.DEFAULTS.withMaxFetchesPerSource(3));

        assertThat(REQUESTS).hasSize(3);
        assertThat(result.errors()).singleElement().isInstanceOfSatisfying(ScriptError.Resource.class,
                e -> assertThat(e.resource()).isEqualTo(ResourceKind.FETCHES));
    }

    @Test
    void httpGet_withForbiddenHeader_neverReachesTheFetcher() {
        ScriptResult result = run("function scrapeData(url) { http.get(url, {headers: {Cookie: 'a=b'}}); return []; }");

        assertThat(REQUESTS).isEmpty();
        assertThat(result.errors()).singleElement().isInstanceOf(ScriptError.Security.class);
    }
}
