package io.crawlseq.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlTest {

    private final FixtureSite site = FixtureSites.guardianLike();
    private LoopbackServer server;
    private WebUrl start;

    @BeforeEach
    void serve() {
        server = LoopbackServer.start();
        site.serve(server);
        start = UrlParser.parse(server.url("/")).orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Records the URLs the handler sees, in order. */
    private static final class Recorder implements CrawlHandler {
        final List<String> seen = new ArrayList<>();
        int requests;

        @Override
        public List<String> onPage(CrawledPage page) {
            seen.add(page.url() + " " + page.result().outcome().wireName());
            requests += page.result().chain().size();
            return CrawlHandler.super.onPage(page);
        }
    }

    private CrawlReport crawl(CrawlerConfig config, CrawlOptions options, Recorder recorder) {
        try (Crawler crawler = Crawler.create(config)) {
            return Crawl.start(crawler, options, recorder).run();
        }
    }

    @Test
    void crawl_processesPagesInTheSameOrderWhateverTheConcurrencyAndTiming() {
        Recorder sequential = new Recorder();
        CrawlReport one = crawl(TestConfigs.fast(new ManualClock(), server), CrawlOptions.site(start, 2, 150, 1), sequential);
        server.latency(path -> Math.floorMod(path.hashCode(), 12));
        Recorder concurrent = new Recorder();
        CrawlReport eight = crawl(TestConfigs.fast(new ManualClock(), server), CrawlOptions.site(start, 2, 150, 8), concurrent);

        assertThat(one.progress().downloads()).isEqualTo(150);
        assertThat(sequential.seen).hasSize((int) one.progress().processed());
        assertThat(concurrent.seen).isEqualTo(sequential.seen);
        assertThat(eight.status()).isEqualTo(CrawlReport.Status.LIMIT_REACHED);
        assertThat(eight.state().pending()).isEqualTo(one.state().pending());
        assertThat(eight.state().seen()).isEqualTo(one.state().seen());
    }

    @Test
    void crawl_stopsAtMaxDownloadsWithoutFetchingMore() {
        server.latency(path -> Math.floorMod(path.hashCode(), 8));
        Recorder recorder = new Recorder();

        CrawlReport report = crawl(TestConfigs.fast(new ManualClock(), server), CrawlOptions.site(start, 3, 40, 8), recorder);

        long pageRequests = server.paths().stream().filter(p -> !p.equals("/robots.txt")).count();
        assertThat(report.status()).isEqualTo(CrawlReport.Status.LIMIT_REACHED);
        assertThat(report.progress().downloads()).isEqualTo(40);
        assertThat(report.progress().requests()).isEqualTo(40);
        assertThat(pageRequests).as("one request per hop of the 40 fetches, nothing more").isEqualTo(recorder.requests);
    }

    @Test
    void crawl_inPiecesEndsWhereOneLongCrawlEnds() throws Exception {
        ManualClock clock = new ManualClock();
        CrawlerConfig polite = TestConfigs.forServers(clock, server).politeness(Politeness.defaults());
        Recorder whole = new Recorder();
        CrawlReport single = crawl(polite, CrawlOptions.site(start, 2, 60, 4), whole);

        Recorder pieces = new Recorder();
        ManualClock pieceClock = new ManualClock();
        CrawlerConfig pieceConfig = polite.clock(pieceClock);
        CrawlOptions options = CrawlOptions.site(start, 2, 60, 4);
        FrontierState state = null;
        CrawlReport last;
        int invocations = 0;
        do {
            invocations++;
            CrawlOptions budgeted = options.deadline(pieceClock.nowMillis() + 9_000);
            try (Crawler crawler = Crawler.create(pieceConfig)) {   // a fresh crawler per invocation, as in a Lambda
                Crawl crawl = state == null ? Crawl.start(crawler, budgeted, pieces) : Crawl.resume(crawler, budgeted, pieces, state);
                last = crawl.run();
            }
            state = FrontierState.fromJson(last.state().toJson());   // through JSON, as a store would keep it
        } while (last.isPartial() && invocations < 100);

        assertThat(invocations).isGreaterThan(5);
        assertThat(pieces.seen).isEqualTo(whole.seen);
        assertThat(last.status()).isEqualTo(single.status());
        for (String counter : List.of("processed", "downloads", "ok", "failures")) {
            assertThat(last.state().counters().get(counter)).as(counter).isEqualTo(single.state().counters().get(counter));
        }
        assertThat(last.state().pending()).isEqualTo(single.state().pending());
    }

    @Test
    void crawl_neverRequestsWhatRobotsDisallows() {
        Recorder recorder = new Recorder();

        CrawlReport report = crawl(TestConfigs.fast(new ManualClock(), server), CrawlOptions.site(start, 1, 500, 4), recorder);

        assertThat(report.progress().robotsBlocked()).isGreaterThanOrEqualTo(2);
        assertThat(recorder.seen).contains(server.url("/private/staff") + " blocked-by-robots",
                server.url("/search") + " blocked-by-robots");
        assertThat(server.paths()).noneMatch(p -> site.disallowedPrefixes().stream().anyMatch(p::startsWith));
        assertThat(server.paths()).filteredOn("/robots.txt"::equals).hasSize(1);
    }

    @Test
    void crawl_obeysCrawlDelayInItsClock() {
        ManualClock clock = new ManualClock();
        List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.latency(path -> {
            arrivals.add(clock.nowMillis());
            paths.add(path);
            return 0;
        });
        CrawlerConfig polite = TestConfigs.forServers(clock, server).politeness(Politeness.defaults());

        CrawlReport report = crawl(polite, CrawlOptions.site(start, 1, 10, 4), new Recorder());

        // robots.txt says Crawl-delay: 2: after it is read, fetches start at least two seconds apart
        // (a redirect hop belongs to its fetch and follows at once: /uk -> /uk-news)
        assertThat(report.progress().downloads()).isEqualTo(10);
        for (int i = 2; i < arrivals.size(); i++) {
            if (!paths.get(i - 1).equals("/uk")) {
                assertThat(arrivals.get(i) - arrivals.get(i - 1)).as(paths.get(i)).isGreaterThanOrEqualTo(2000);
            }
        }
    }

    @Test
    void frontierState_roundTripsThroughJson() throws Exception {
        CrawlReport report = crawl(TestConfigs.fast(new ManualClock(), server), CrawlOptions.site(start, 2, 30, 2), new Recorder());

        String json = report.state().toJson();
        FrontierState back = FrontierState.fromJson(json);

        assertThat(back).isEqualTo(report.state());
        assertThat(json.length()).as("compact").isLessThan(60_000);
        assertThat(back.counters()).containsEntry("downloads", 30L);
        assertThat(Map.copyOf(back.counters())).containsKey("processed");
    }
}
