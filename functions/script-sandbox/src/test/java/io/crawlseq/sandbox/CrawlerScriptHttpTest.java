package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.fetch.FetchPolicy;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.politeness.RetryPolicy;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.CrawlClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CrawlerScriptHttp}: the real crawler fetcher behind {@code http.get}, against a fixture news
 * site on loopback. Outcome mapping is checked on direct calls; the scraping example and the header
 * path run through a {@link ScriptRunner} (worker JVM and all).
 */
class CrawlerScriptHttpTest {

    private static final Path EXAMPLE_SCRIPT = Path.of("../../sequences/scripts/latest-headlines.js");

    private static LoopbackServer server;
    private static FixtureSite site;
    private static ScriptRunner runner;
    /** A fresh fetcher per test, so every test starts with robots.txt unread. */
    private static volatile CrawlerScriptHttp http;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start();
        site = FixtureSites.guardianLike();
        site.serve(server);
        server.route("/api/latest.json", Responses.bytes(200, "application/json", "{\"stories\":3}".getBytes(StandardCharsets.UTF_8)));
        server.route("/go/metadata", Responses.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        server.route("/slow", Responses.hang());
        server.route("/big", Responses.html("<p>" + "x".repeat(4096) + "</p>"));
        runner = new ScriptRunner(RunnerConfig.defaults().http(request -> http.get(request)).prestart(true)
                .runsPerWorker(10));
    }

    /** The fixture allowed, no politeness waits (the fixture's Crawl-delay ignored), no retries, 1 KiB pages. */
    private static CrawlerConfig config(LoopbackServer fixture) {
        CrawlerConfig config = TestConfigs.fast(CrawlClock.system(), fixture)
                .politeness(Politeness.none().maxCrawlDelayMs(0))
                .retry(RetryPolicy.noRetries());
        FetchPolicy fetch = config.fetch().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        return config.fetch(fetch.maxBytes(64 << 10, fetch.maxSitemapBytes(), fetch.maxRobotsBytes()));
    }

    @AfterAll
    static void stop() {
        runner.close();
        server.close();
    }

    @BeforeEach
    void freshFetcher() {
        server.clearLog();
        http = CrawlerScriptHttp.open(config(server));
    }

    @AfterEach
    void closeFetcher() {
        http.close();
    }

    private static FetchOutcome get(String path, Map<String, String> headers) {
        return http.get(new FetchRequest(server.url(path), headers, Duration.ofSeconds(5)));
    }

    @Test
    void get_ofAPage_returnsStatusFinalUrlLowerCaseHeadersAndDecodedBody() {
        FetchOutcome outcome = get("/uk", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, fetched -> {
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.url()).isEqualTo(server.url("/uk-news"));
            assertThat(fetched.headers()).containsEntry("content-type", "text/html; charset=utf-8");
            assertThat(fetched.body()).contains("<title>");
        });
    }

    @Test
    void get_ofJson_returnsTheBodyWhateverTheContentType() {
        FetchOutcome outcome = get("/api/latest.json", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                fetched -> assertThat(fetched.body()).isEqualTo("{\"stories\":3}"));
    }

    @Test
    void get_ofAMissingPage_returnsTheStatusWithAnEmptyBody() {
        FetchOutcome outcome = get("/no-such-page", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, fetched -> {
            assertThat(fetched.status()).isEqualTo(404);
            assertThat(fetched.body()).isEmpty();
        });
    }

    @Test
    void get_redirectToTheMetadataService_isASecurityRefusalAndTheTargetIsNeverContacted() {
        FetchOutcome outcome = get("/go/metadata", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(FetchOutcome.RefusalKind.SECURITY);
            assertThat(refused.outcome()).isEqualTo(CrawlerScriptHttp.BLOCKED_BY_POLICY);
            assertThat(refused.message()).contains("redirect to http://169.254.169.254/latest/meta-data/ refused")
                    .contains("cloud metadata address");
        });
        assertThat(server.paths()).containsExactly("/robots.txt", "/go/metadata");
    }

    @Test
    void get_ofAPathRobotsTxtDisallows_isANetworkRefusalWithoutRequestingIt() {
        FetchOutcome outcome = get("/private/staff", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(FetchOutcome.RefusalKind.NETWORK);
            assertThat(refused.outcome()).isEqualTo(CrawlerScriptHttp.ROBOTS_DISALLOWED);
        });
        assertThat(server.paths()).doesNotContain("/private/staff");
    }

    @Test
    void get_ofAHangingPage_isANetworkTimeoutAtTheCrawlersCap() {
        FetchOutcome outcome = get("/slow", Map.of());

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(FetchOutcome.RefusalKind.NETWORK);
            assertThat(refused.outcome()).isEqualTo("TIMEOUT");
        });
    }

    @Test
    void get_ofAPageAboveTheByteCap_isANetworkRefusalTooLarge() {
        CrawlerConfig tiny = config(server);
        tiny = tiny.fetch(tiny.fetch().maxBytes(1024, 1024, 1024));
        try (CrawlerScriptHttp small = CrawlerScriptHttp.open(tiny)) {
            FetchOutcome outcome = small.get(new FetchRequest(server.url("/big"), Map.of(), Duration.ofSeconds(5)));

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class, refused -> {
                assertThat(refused.outcome()).isEqualTo("TOO_LARGE");
                assertThat(refused.status()).isEqualTo(200);
            });
        }
    }

    @Test
    void get_ofAnUnparseableUrl_isAnInvalidUrlRefusal() {
        FetchOutcome outcome = http.get(new FetchRequest("http://exa mple.com/", Map.of(), Duration.ofSeconds(5)));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                refused -> assertThat(refused.outcome()).isEqualTo(CrawlerScriptHttp.INVALID_URL));
    }

    @Test
    void script_headersReachTheNetworkWithTheCrawlersUserAgent() {
        ScriptResult result = runner.run(ScriptRequest.of("headers.js", """
                function scrapeData(url) {
                  const page = http.get(url, {headers: {'Accept-Language': 'fr-FR', Referer: 'https://ref.example/'}});
                  return [{status: page.status}];
                }""", List.of(server.url("/world"))));

        assertThat(result.success()).as(ScriptResultJson.toJson(result)).isTrue();
        LoopbackServer.RecordedRequest page = server.requests().stream()
                .filter(r -> r.path().equals("/world")).findFirst().orElseThrow();
        assertThat(page.header("Accept-Language")).isEqualTo("fr-FR");
        assertThat(page.header("Referer")).isEqualTo("https://ref.example/");
        assertThat(page.header("User-Agent")).isEqualTo(FetchPolicy.DEFAULT_USER_AGENT);
    }

    @Test
    void exampleScrapingScript_readsTheStoriesOfAFixtureSection() throws IOException {
        String source = server.url("/world");

        ScriptResult result = runner.run(ScriptRequest.of("latest-headlines.js", Files.readString(EXAMPLE_SCRIPT),
                List.of(source)));

        assertThat(result.success()).as(ScriptResultJson.toJson(result)).isTrue();
        assertThat(result.data()).hasSize(5).allSatisfy(record -> assertStory(record, source));
        assertThat(result.sourceResults().get(0).scriptMetadata().path("section").asText()).isNotBlank();
        assertThat(server.paths().get(0)).isEqualTo("/robots.txt");
        assertThat(server.paths()).hasSize(1 + 1 + 5)
                .noneMatch(path -> site.disallowedPrefixes().stream().anyMatch(path::startsWith));
    }

    private void assertStory(ObjectNode record, String source) {
        String url = record.path("url").asText();
        assertThat(url).startsWith(server.baseUrl());
        assertThat(site.pagePaths()).contains(url.substring(server.baseUrl().length()));
        assertThat(record.path("title").asText()).as(record.toString()).isEqualTo(record.path("headline").asText());
        assertThat(record.path("published").asText()).matches("\\d{4}-\\d{2}-\\d{2}(T09:00:00Z)?");
        if (!url.contains("/live/")) { // live blogs have no byline
            assertThat(record.path("author").asText()).as(record.toString()).isNotBlank();
        }
        assertThat(record.path(ScriptResult.SOURCE_FIELD).asText()).isEqualTo(source);
    }
}
