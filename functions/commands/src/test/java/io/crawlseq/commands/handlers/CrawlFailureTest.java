package io.crawlseq.commands.handlers;

import static io.crawlseq.commands.handlers.CommandHarness.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.handlers.support.CrawlFailures;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.FetchedPage;
import io.crawlseq.store.SiteId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What crawl engineers see when a site cannot be crawled, and what a misbehaving site leaves in the store. */
class CrawlFailureTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final ObjectNode NO_DELAY = args("{\"politeness\": {\"delayMs\": 0}}");

    private static JsonNode error(CommandRunner.Invocation invocation) {
        assertThat(invocation.envelope().path("status").asText()).isEqualTo("failed");
        return invocation.envelope().path("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ensureCountryHubs", "findTopicHubs", "siteExplorer", "sitemapDiscovery", "sitemapOnly",
            "basicArticleCrawl"})
    void withoutAStartUrl_everyCrawlingCommandFailsWithMissingStartUrl(String command) throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            ObjectNode payload = CommandHarness.payload(command, "s1", "run-missing", NO_DELAY, "x");
            payload.putObject("context");

            CommandRunner.Invocation run = CommandHarness.quick(aws.storage(), server).once(payload);

            assertThat(error(run).path("type").asText()).isEqualTo(CrawlFailures.MISSING_START_URL);
            assertThat(run.envelope().path("pagesFetched").asInt()).isZero();
            assertThat(server.paths()).isEmpty();
        }
    }

    @Test
    void aLoopbackSiteThatIsNotAllowed_isRefusedByPolicy_withTheOptionThatAllowsIt() throws Exception {
        try (LoopbackServer allowed = LoopbackServer.start(); LoopbackServer other = LoopbackServer.start()) {
            CommandRunner.Invocation run = CommandHarness.quick(aws.storage(), allowed).once(
                    CommandHarness.payload("ensureCountryHubs", "s1", "run-policy", NO_DELAY, other.url("/")));

            assertThat(error(run).path("type").asText()).isEqualTo(CrawlFailures.BLOCKED_BY_POLICY);
            assertThat(error(run).path("message").asText()).contains("--allow-host " + other.hostPort());
            assertThat(other.paths()).isEmpty();
        }
    }

    @Test
    void aSiteThatDoesNotAnswer_isUnreachable() throws Exception {
        LoopbackServer gone = LoopbackServer.start();
        String url = gone.url("/");
        CrawlerConfig config = TestConfigs.forServers(new ManualClock(), gone);
        gone.close();

        CommandRunner.Invocation run = CommandHarness.with(aws.storage(), config).once(
                CommandHarness.payload("findTopicHubs", "s1", "run-gone", NO_DELAY, url));

        assertThat(error(run).path("type").asText()).isEqualTo(CrawlFailures.SITE_UNREACHABLE);
        assertThat(error(run).path("message").asText()).contains("robots.txt");
    }

    @Test
    void aStartPageThatFails_makesTheSiteUnreachable_andIsRecordedInThePageIndex() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.route("/robots.txt", Responses.text("User-agent: *\nAllow: /\n"));
            server.route("/", Responses.status(404));

            CommandRunner.Invocation run = CommandHarness.quick(aws.storage(), server).once(
                    CommandHarness.payload("basicArticleCrawl", "s1", "run-404", NO_DELAY, server.url("/")));

            assertThat(error(run).path("type").asText()).isEqualTo(CrawlFailures.SITE_UNREACHABLE);
            assertThat(error(run).path("message").asText()).contains("client-error 404");
            assertThat(run.envelope().path("failures").asInt()).isEqualTo(1);
            assertThat(aws.storage().crawl().page(SiteId.ofUrl(server.baseUrl()), server.url("/")).orElseThrow().status())
                    .isEqualTo(404);
        }
    }

    @Test
    void robotsTxtThatDisallowsEverything_isReportedAndNothingElseIsFetched() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /\n"));
            server.route("/", Responses.html("<html><body><a href=\"/world\">World</a></body></html>"));

            CommandRunner.Invocation run = CommandHarness.quick(aws.storage(), server).once(
                    CommandHarness.payload("siteExplorer", "s1", "run-robots", NO_DELAY, server.url("/")));

            assertThat(error(run).path("type").asText()).isEqualTo(CrawlFailures.BLOCKED_BY_ROBOTS);
            assertThat(server.paths()).containsExactly("/robots.txt");
            assertThat(run.envelope().path("pagesFetched").asInt()).isEqualTo(1);
        }
    }

    /** Every link of the start page misbehaves in its own way. */
    private static final Map<String, FetchOutcome> TROUBLE = new LinkedHashMap<>();

    static {
        TROUBLE.put("/e500", FetchOutcome.SERVER_ERROR);
        TROUBLE.put("/e503-then-ok", FetchOutcome.OK);
        TROUBLE.put("/e429-then-ok", FetchOutcome.OK);
        TROUBLE.put("/hang", FetchOutcome.TIMEOUT);
        TROUBLE.put("/gzip-bomb", FetchOutcome.TOO_LARGE);
        TROUBLE.put("/huge", FetchOutcome.TOO_LARGE);
        TROUBLE.put("/loop-a", FetchOutcome.REDIRECT);
        TROUBLE.put("/to-private", FetchOutcome.BLOCKED_BY_POLICY);
        TROUBLE.put("/to-metadata", FetchOutcome.BLOCKED_BY_POLICY);
        TROUBLE.put("/private/secret", FetchOutcome.BLOCKED_BY_ROBOTS);
    }

    @Test
    void aMisbehavingSite_endsWithEachFailureCountedAndRecorded_andNothingDisallowedFetched() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            StringBuilder home = new StringBuilder("<html><body><main>");
            TROUBLE.keySet().forEach(p -> home.append("<a href=\"").append(p).append("\">").append(p).append("</a> "));
            server.route("/", Responses.html(home.append("</main></body></html>").toString()));
            server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private/\n"));
            server.route("/e500", Responses.status(500));
            server.route("/e503-then-ok", Responses.sequence(Responses.status(503).header("Retry-After", "30"), Responses.html("ok")));
            server.route("/e429-then-ok", Responses.sequence(Responses.status(429).header("Retry-After", "5"), Responses.html("ok")));
            server.route("/hang", Responses.hang());
            server.route("/gzip-bomb", Responses.gzipBomb("text/html", 64L << 20));
            server.route("/huge", Responses.huge(30L << 20));
            server.route("/loop-a", Responses.redirect(302, "/loop-b"));
            server.route("/loop-b", Responses.redirect(302, "/loop-a"));
            server.route("/to-private", Responses.redirect(302, "http://10.0.0.1/admin"));
            server.route("/to-metadata", Responses.redirect(302, "http://169.254.169.254/latest/meta-data/"));
            server.route("/private/secret", Responses.html("secret"));
            CrawlerConfig config = TestConfigs.forServers(new ManualClock(), server);
            config = config.fetch(config.fetch().timeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
                    .maxBytes(2 << 20, 2 << 20, 500 << 10));

            CommandRunner.Invocation run = CommandHarness.with(aws.storage(), config).once(CommandHarness.payload(
                    "basicArticleCrawl", "s1", "run-trouble", args("{\"maxDepth\": 1, \"politeness\": {\"delayMs\": 0}}"),
                    server.url("/")));

            long failing = TROUBLE.values().stream().filter(FetchOutcome::isFailure).count();
            assertThat(run.envelope().path("status").asText()).isEqualTo("success");
            assertThat(run.envelope().path("failures").asLong()).isEqualTo(failing);
            assertThat(server.paths()).noneMatch(p -> p.startsWith("/private/"));
            SiteId site = SiteId.ofUrl(server.baseUrl());
            FetchedPage e500 = aws.storage().crawl().page(site, server.url("/e500")).orElseThrow();
            assertThat(e500.status()).isEqualTo(500);
            assertThat(aws.storage().crawl().page(site, server.url("/hang")).orElseThrow().status()).isZero();
            assertThat(aws.storage().crawl().page(site, server.url("/e503-then-ok")).orElseThrow().status()).isEqualTo(200);
            assertThat(aws.storage().crawl().page(site, server.url("/private/secret"))).isEmpty();
        }
    }
}
