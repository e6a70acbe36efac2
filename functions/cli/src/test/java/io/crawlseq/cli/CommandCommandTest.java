package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.cli.local.StoreLocation;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String runIdOf(CliRun run) {
        var m = java.util.regex.Pattern.compile("run (cmd-\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    @Test
    void ensureCountryHubs_onAServedFixture_printsExactlyItsCountryHubsAsJson() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            CliRun run = CliRun.of("command", "ensureCountryHubs", "--start-url", server.url("/"),
                    "--allow-host", server.hostPort(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.path("status").asText()).isEqualTo("success");
            assertThat(FixtureServer.hubLines(result.path("hubs"), server.baseUrl()))
                    .isEqualTo(FixtureSite.describe(site.expected(HubKind.COUNTRY)));
            assertThat(result.path("hubCount").asInt()).isEqualTo(site.expected(HubKind.COUNTRY).size());
            assertThat(result.at("/hubs/0/confidence").asDouble()).isBetween(0.6, 1.0);
            assertThat(server.paths()).noneMatch(p -> site.disallowedPrefixes().stream().anyMatch(p::startsWith));
        }
    }

    @Test
    void json_printsListsInFull_whereTheEnvelopeCapsThem() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            CliRun run = CliRun.of("command", "siteExplorer", "--start-url", server.url("/"), "--allow-host",
                    server.hostPort(), "--arg", "maxDownloads=600", "--json");

            JsonNode result = JSON.readTree(run.out());
            assertThat(site.expected().size()).isGreaterThan(25);
            assertThat(result.path("hubs")).hasSize(site.expected().size());
            assertThat(result.has("truncated")).isFalse();
        }
    }

    @Test
    void text_showsCountersAndAHubTable_andTheRunIsInTheHistory() throws Exception {
        FixtureSite site = FixtureSites.sectioned();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            CliRun run = CliRun.of("command", "ensureCountryHubs", "--start-url", server.url("/"), "--allow-host",
                    server.hostPort(), "--arg", "countries=[\"US\",\"CA\",\"FR\"]", "--arg", "politeness.delayMs=0");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("ensureCountryHubs: success in ")
                    .contains("hubCount 2 · verified 2 · ")
                    .contains("missing: FR")
                    .containsPattern("(?m)^  kind +iso2/topic +confidence +verified +url$")
                    .containsPattern("(?m)^  country +US +[01]\\.\\d\\d +yes +" + server.url("/section/us") + "$");
            RunDetail detail = TestStores.storage().runs().runDetail(runIdOf(run)).orElseThrow();
            assertThat(detail.run().sequenceName()).isEqualTo("command:ensureCountryHubs");
            assertThat(detail.run().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(detail.steps()).singleElement().satisfies(s ->
                    assertThat(s.args().node().at("/politeness/delayMs").asInt()).isZero());
        }
    }

    /** Eight stories linked from the home page, and robots.txt asking for 2 s between requests. */
    static LoopbackServer slowSmallSite() {
        LoopbackServer server = LoopbackServer.start();
        StringBuilder home = new StringBuilder("<html><body><main>");
        for (int i = 1; i <= 8; i++) {
            String path = "/news/2025/01/0" + i + "/story-number-" + i;
            home.append("<a href=\"").append(path).append("\">Story ").append(i).append("</a> ");
            server.route(path, Responses.html("<html><head><meta property=\"og:type\" content=\"article\">"
                    + "<meta property=\"article:published_time\" content=\"2025-01-0" + i + "T10:00:00Z\"></head>"
                    + "<body><article><h1>Story " + i + "</h1><p>Text.</p></article></body></html>"));
        }
        server.route("/", Responses.html(home.append("</main></body></html>").toString()));
        server.route("/robots.txt", Responses.text("User-agent: *\nCrawl-delay: 2\n"));
        return server;
    }

    @Test
    void aLongCrawl_continuesUntilDone_likeTheStateMachine() throws Exception {
        try (LoopbackServer server = slowSmallSite()) {
            CliRun run = CliRun.of("command", "basicArticleCrawl", "--start-url", server.url("/"), "--allow-host",
                    server.hostPort(), "--arg", "timeout=5000", "--json", "--progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.path("articlesFound").asInt()).isEqualTo(8);
            assertThat(run.err()).contains("continuing (invocation 2)").contains("continuing (invocation 3)");
        }
    }

    @Test
    void anArgOutOfRange_isReportedLikeInASequence_andNothingRuns() {
        CliRun run = CliRun.of("command", "ensureCountryHubs", "--start-url", "https://news.example/",
                "--arg", "politeness.delayMs=-5", "--arg", "maxDownload=10", "--arg", "countries=[\"FR\",\"fr\"]");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("--arg politeness.delayMs: 'politeness.delayMs' must be between 0 and 60000; found -5 [argument-range]")
                .contains("--arg maxDownload: ensureCountryHubs has no argument 'maxDownload'; did you mean 'maxDownloads'?")
                .contains("--arg countries.1: 'countries[1]' must be")
                .contains("did you mean 'FR'?")
                .contains("nothing ran");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownCommand_isAUsageError_withASuggestion() {
        CliRun run = CliRun.of("command", "ensureCountryHub", "--start-url", "https://news.example/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'ensureCountryHub'; did you mean 'ensureCountryHubs'?");
    }

    @Test
    void aCrawlingCommandWithoutAStartUrl_isAUsageError() {
        CliRun run = CliRun.of("command", "findTopicHubs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("findTopicHubs crawls a site: give it --start-url URL");
    }

    @Test
    void aLoopbackSiteThatIsNotAllowed_failsWithExitCode3_andSaysWhichOptionAllowsIt() {
        try (LoopbackServer server = LoopbackServer.start()) {
            CliRun run = CliRun.of("command", "findTopicHubs", "--start-url", server.url("/"));

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).startsWith("findTopicHubs: failed in ").contains("BlockedByPolicy: ")
                    .contains("--allow-host " + server.hostPort());
            assertThat(server.paths()).isEmpty();
        }
    }

    @Test
    void hostsFromTheEnvironment_areAllowedToo_andABadEntryIsAUsageError() {
        try (LoopbackServer server = FixtureServer.serve(FixtureSites.continental())) {
            var environment = TestStores.environment().withVariables(Map.of("CRAWLSEQ_ALLOW_HOSTS", "intranet.example," + server.hostPort()));
            CliRun allowed = CliRun.in(environment, "command", "sitemapDiscovery", "--start-url", server.url("/"));
            CliRun bad = CliRun.of("command", "sitemapDiscovery", "--start-url", server.url("/"), "--allow-host", "http://x/");

            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(allowed.out()).contains("sitemapCount 4");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("allow-host 'http://x/': expected HOST[:PORT], not a URL");
        }
    }

    @Test
    void theDataDirectory_comesFromTheOption_elseTheEnvironment_elseHome(@TempDir Path dir) {
        CliRun.of("command", "logWarning", "--arg", "message=one", "--data-dir", dir.resolve("given").toString());
        CliRun.in(TestStores.environment().withVariables(Map.of("CRAWLSEQ_DATA_DIR", dir.resolve("env").toString())),
                "command", "logWarning", "--arg", "message=two");
        CliRun.of("command", "logWarning", "--arg", "message=three");

        int n = TestStores.REQUESTED.size();
        assertThat(TestStores.REQUESTED.subList(n - 3, n)).containsExactly(
                new StoreLocation.LocalDataDir(dir.resolve("given")),
                new StoreLocation.LocalDataDir(dir.resolve("env")),
                new StoreLocation.LocalDataDir(TestStores.environment().home().resolve(".crawl-sequence/data")));
    }
}
