package io.crawlseq.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site where every link misbehaves: the crawl finishes within its (crawl-clock) budget, records
 * each failure with the right outcome, reads the pages that are only badly encoded, and never
 * requests what robots.txt disallows.
 */
class RobustnessCrawlTest {

    private static final Map<String, FetchOutcome> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("/e500", FetchOutcome.SERVER_ERROR);
        EXPECTED.put("/e503-then-ok", FetchOutcome.OK);
        EXPECTED.put("/e429-then-ok", FetchOutcome.OK);
        EXPECTED.put("/e404", FetchOutcome.CLIENT_ERROR);
        EXPECTED.put("/hang", FetchOutcome.TIMEOUT);
        EXPECTED.put("/drip", FetchOutcome.TIMEOUT);
        EXPECTED.put("/huge", FetchOutcome.TOO_LARGE);
        EXPECTED.put("/gzip-bomb", FetchOutcome.TOO_LARGE);
        EXPECTED.put("/brotli-bomb", FetchOutcome.TOO_LARGE);
        EXPECTED.put("/loop-a", FetchOutcome.REDIRECT);
        EXPECTED.put("/chain/0", FetchOutcome.REDIRECT);
        EXPECTED.put("/to-private", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/to-metadata", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/to-mapped-loopback", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/report", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/photo", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/api", FetchOutcome.BLOCKED_BY_POLICY);
        EXPECTED.put("/cp1252", FetchOutcome.OK);
        EXPECTED.put("/sjis", FetchOutcome.OK);
        EXPECTED.put("/private/secret", FetchOutcome.BLOCKED_BY_ROBOTS);
    }

    private static void serveTroubleSite(LoopbackServer server) {
        StringBuilder home = new StringBuilder("<html><body><main>");
        EXPECTED.keySet().forEach(p -> home.append("<a href=\"").append(p).append("\">").append(p).append("</a> "));
        server.route("/", Responses.html(home.append("</main></body></html>").toString()));
        server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private/\n"));
        server.route("/e500", Responses.status(500));
        server.route("/e503-then-ok", Responses.sequence(Responses.status(503).header("Retry-After", "30"), Responses.html("ok")));
        server.route("/e429-then-ok", Responses.sequence(Responses.status(429).header("Retry-After", "5"), Responses.html("ok")));
        server.route("/hang", Responses.hang());
        server.route("/drip", Responses.drip(100_000, 25));
        server.route("/huge", Responses.huge(30L << 20));
        server.route("/gzip-bomb", Responses.gzipBomb("text/html", 64L << 20));
        server.route("/brotli-bomb", Responses.resource("text/html", "/io/crawlseq/crawler/fixtures/bomb-100MiB.br", "br"));
        server.route("/loop-a", Responses.redirect(302, "/loop-b"));
        server.route("/loop-b", Responses.redirect(302, "/loop-a"));
        server.dynamic(path -> path.startsWith("/chain/")
                ? Responses.redirect(301, "/chain/" + (Integer.parseInt(path.substring(7)) + 1)) : null);
        server.route("/to-private", Responses.redirect(302, "http://10.0.0.1/admin"));
        server.route("/to-metadata", Responses.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-mapped-loopback", Responses.redirect(302, "http://[::ffff:127.0.0.1]:" + server.port() + "/"));
        server.route("/report", Responses.bytes(200, "application/pdf", "%PDF-1.4".getBytes()));
        server.route("/photo", Responses.bytes(200, "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));
        server.route("/api", Responses.bytes(200, "application/json", "{\"a\":1}".getBytes()));
        server.route("/cp1252", Responses.encoded("<html><head><meta charset=\"windows-1252\"><title>Café “news”</title></head></html>",
                Charset.forName("windows-1252"), "text/html"));
        server.route("/sjis", Responses.encoded("<html><head><title>東京のニュース</title></head></html>",
                Charset.forName("windows-31j"), "text/html; charset=shift_jis"));
        server.route("/private/secret", Responses.html("secret"));
    }

    @Test
    void crawl_survivesEveryMisbehaviourAndRecordsEachOutcome() {
        ManualClock clock = new ManualClock();
        try (LoopbackServer server = LoopbackServer.start()) {
            serveTroubleSite(server);
            CrawlerConfig config = TestConfigs.forServers(clock, server);
            config = config.fetch(config.fetch().timeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
                    .maxBytes(2 << 20, 2 << 20, 500 << 10));
            Map<String, FetchOutcome> outcomes = new LinkedHashMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            WebUrl start = UrlParser.parse(server.url("/")).orElseThrow();
            long budget = 10 * 60_000;
            CrawlHandler handler = new CrawlHandler() {
                @Override
                public List<String> onPage(CrawledPage page) {
                    String path = page.url().substring(server.baseUrl().length());
                    outcomes.put(path, page.result().outcome());
                    if (page.analysis() != null) {
                        titles.put(path, page.analysis().title());
                    }
                    return CrawlHandler.super.onPage(page);
                }
            };

            CrawlReport report;
            try (Crawler crawler = Crawler.create(config)) {
                report = Crawl.start(crawler, CrawlOptions.site(start, 1, 100, 4).deadline(clock.nowMillis() + budget),
                        handler).run();
            }

            assertThat(report.status()).isEqualTo(CrawlReport.Status.COMPLETE);
            assertThat(report.progress().elapsedMillis()).isLessThanOrEqualTo(budget);
            EXPECTED.forEach((path, outcome) -> assertThat(outcomes.get(path)).as(path).isEqualTo(outcome));
            assertThat(titles).containsEntry("/cp1252", "Café “news”").containsEntry("/sjis", "東京のニュース");
            assertThat(server.paths()).noneMatch(p -> p.startsWith("/private/"));
            assertThat(server.paths()).filteredOn("/e500"::equals).hasSize(3);
            assertThat(server.paths()).filteredOn("/e503-then-ok"::equals).hasSize(2);
            // failures count every failure outcome, robots.txt refusals included (the registry's definition)
            assertThat(report.progress().failures()).isEqualTo(EXPECTED.values().stream().filter(FetchOutcome::isFailure).count());
            assertThat(report.progress().robotsBlocked()).isEqualTo(1);
        }
    }
}
