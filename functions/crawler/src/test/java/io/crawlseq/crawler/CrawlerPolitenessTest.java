package io.crawlseq.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.robots.RobotsRules;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.Route;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlerPolitenessTest {

    private final ManualClock clock = new ManualClock();
    private LoopbackServer server;
    private Crawler crawler;
    /** Clock time at which each page request arrived. */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        crawler = Crawler.create(TestConfigs.forServers(clock, server));
    }

    @AfterEach
    void stop() {
        crawler.close();
        server.close();
    }

    private Route timed(Route route) {
        return (exchange, s) -> {
            arrivals.add(clock.nowMillis());
            route.serve(exchange, s);
        };
    }

    @Test
    void fetch_neverRequestsWhatRobotsDisallows() {
        server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private\n"));
        server.route("/private/x", Responses.html("secret"));

        FetchResult result = crawler.fetch(server.url("/private/x"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_ROBOTS);
        assertThat(server.paths()).containsExactly("/robots.txt");
    }

    @Test
    void robots_groupForOurProductTokenReplacesTheWildcardGroup() throws Exception {
        server.route("/robots.txt", Responses.text("""
                User-agent: *
                Disallow: /all

                User-agent: crawl-sequences
                Disallow: /cs-only
                """));

        RobotsRules rules = crawler.robots(server.url("/"));

        assertThat(rules.status()).isEqualTo(RobotsRules.Status.PARSED);
        assertThat(rules.isAllowed(server.url("/all/x"))).isTrue();
        assertThat(rules.isAllowed(server.url("/cs-only/x"))).isFalse();
    }

    @Test
    void robots_missingFileAllowsEverything() throws Exception {
        RobotsRules rules = crawler.robots(server.url("/"));

        assertThat(rules.status()).isEqualTo(RobotsRules.Status.UNAVAILABLE);
        assertThat(rules.allowsAll()).isTrue();
    }

    @Test
    void robots_serverErrorDisallowsEverythingUntilTheErrorTtlPasses() throws Exception {
        server.route("/robots.txt", Responses.sequence(Responses.status(500), Responses.text("User-agent: *\nAllow: /\n")));
        server.route("/", Responses.html("home"));

        FetchResult blocked = crawler.fetch(server.url("/"));
        clock.advance(11 * 60_000);
        FetchResult allowed = crawler.fetch(server.url("/"));

        assertThat(blocked.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_ROBOTS);
        assertThat(blocked.detail()).contains("everything disallowed");
        assertThat(allowed.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(server.paths()).containsExactly("/robots.txt", "/robots.txt", "/");
    }

    @Test
    void robots_tooManyRequestsCountsAsUnreachable() throws Exception {
        server.route("/robots.txt", Responses.status(429));

        assertThat(crawler.robots(server.url("/")).status()).isEqualTo(RobotsRules.Status.UNREACHABLE);
    }

    @Test
    void robots_followsFiveRedirectsButNotSix() throws Exception {
        try (LoopbackServer five = LoopbackServer.start(); LoopbackServer six = LoopbackServer.start()) {
            for (LoopbackServer s : List.of(five, six)) {
                int hops = s == five ? 5 : 6;
                s.dynamic(path -> {
                    if (!path.startsWith("/robots")) {
                        return null;
                    }
                    int n = path.equals("/robots.txt") ? 0 : Integer.parseInt(path.substring(8));
                    return n < hops ? Responses.redirect(301, "/robots/" + (n + 1))
                            : Responses.text("User-agent: *\nDisallow: /\n");
                });
            }
            try (Crawler c = Crawler.create(TestConfigs.forServers(clock, five, six))) {
                assertThat(c.robots(five.url("/")).isAllowed(five.url("/x"))).isFalse();
                assertThat(c.robots(six.url("/")).status()).isEqualTo(RobotsRules.Status.UNAVAILABLE);
            }
        }
    }

    @Test
    void robots_readsOnlyTheFirst500KiB() throws Exception {
        String padding = "# padding line to push the next rule beyond the cap\n".repeat(12_000);
        server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n"));

        RobotsRules rules = crawler.robots(server.url("/"));

        assertThat(rules.isAllowed(server.url("/early"))).isFalse();
        assertThat(rules.isAllowed(server.url("/late"))).isTrue();
    }

    @Test
    void fetch_spacesRequestsToOneHostByTheDelay() {
        server.route("/a", timed(Responses.html("a")));
        server.route("/b", timed(Responses.html("b")));

        crawler.fetch(server.url("/a"));
        crawler.fetch(server.url("/b"));

        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1) - arrivals.get(0)).isEqualTo(1000);
    }

    @Test
    void fetch_obeysCrawlDelayUpToTheCap() {
        try (LoopbackServer slow = LoopbackServer.start()) {
            server.route("/robots.txt", Responses.text("User-agent: *\nCrawl-delay: 5\n"));
            slow.route("/robots.txt", Responses.text("User-agent: *\nCrawl-delay: 3600\n"));
            for (String p : List.of("/a", "/b")) {
                server.route(p, timed(Responses.html(p)));
            }
            crawler.fetch(server.url("/a"));
            crawler.fetch(server.url("/b"));
            assertThat(arrivals.get(1) - arrivals.get(0)).isEqualTo(5000);

            try (Crawler c = Crawler.create(TestConfigs.forServers(clock, slow))) {
                c.fetch(slow.url("/x"));
                assertThat(c.hosts().delayMs("127.0.0.1")).isEqualTo(Politeness.defaults().maxCrawlDelayMs());
            }
        }
    }

    @Test
    void fetch_retriesServerErrorsWithBackoffThenSucceeds() {
        server.route("/flaky", timed(Responses.sequence(Responses.status(500), Responses.status(502), Responses.html("ok"))));

        FetchResult result = crawler.fetch(server.url("/flaky"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(arrivals).hasSize(3);
        assertThat(crawler.stats().snapshot().fetches()).isEqualTo(3);
    }

    @Test
    void fetch_givesUpAfterMaxAttempts() {
        server.route("/down", Responses.status(503));

        FetchResult result = crawler.fetch(server.url("/down"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.SERVER_ERROR);
        assertThat(server.paths()).containsExactly("/robots.txt", "/down", "/down", "/down");
    }

    @Test
    void fetch_doesNotRetryPermanentErrors() {
        FetchResult result = crawler.fetch(server.url("/missing"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.CLIENT_ERROR);
        assertThat(server.paths()).containsExactly("/robots.txt", "/missing");
    }

    @Test
    void fetch_honoursRetryAfterSecondsAndSlowsTheHostDown() {
        server.route("/busy", timed(Responses.sequence(
                Responses.status(429).header("Retry-After", "20"), Responses.html("ok"))));

        FetchResult result = crawler.fetch(server.url("/busy"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(20_000);
        assertThat(crawler.hosts().slowdown("127.0.0.1")).isEqualTo(2);
        assertThat(crawler.hosts().delayMs("127.0.0.1")).isEqualTo(2000);
    }

    @Test
    void fetch_honoursRetryAfterHttpDateCapped() {
        String inOneHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(3600).atZone(java.time.ZoneOffset.UTC));
        server.route("/busy", timed(Responses.sequence(
                Responses.status(503).header("Retry-After", inOneHour), Responses.html("ok"))));

        crawler.fetch(server.url("/busy"));

        long waited = arrivals.get(1) - arrivals.get(0);
        assertThat(waited).isBetween(120_000L, 130_000L);
    }
}
