package io.crawlseq.crawler.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.crawl.CrawledPage;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detector fed by a plain breadth-first crawl of every page (stories, live blogs, author and
 * tag pages included, so every hard negative is fetched and seen) reports exactly the site's hubs.
 */
class FullCrawlHubDetectionTest {

    static Stream<FixtureSite> sites() {
        return FixtureSites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void detector_onAFullCrawlReportsExactlyTheSitesHubs(FixtureSite site) {
        try (LoopbackServer server = LoopbackServer.start();
             Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            site.serve(server);
            WebUrl start = UrlParser.parse(server.url(site.startPath())).orElseThrow();
            HubDetector detector = new HubDetector(start);
            CrawlHandler feed = new CrawlHandler() {
                @Override
                public List<String> onPage(CrawledPage page) {
                    detector.addFetch(page.result(), page.analysis());
                    return CrawlHandler.super.onPage(page);
                }
            };

            CrawlReport report = Crawl.start(crawler, CrawlOptions.site(start, 3, 3000, 8), feed).run();

            assertThat(report.status()).isEqualTo(CrawlReport.Status.COMPLETE);
            assertThat(report.progress().ok()).isGreaterThan(site.pageCount() * 9L / 10);
            assertThat(HubDetectionTest.describe(detector.hubs(0.6), server.baseUrl()))
                    .isEqualTo(FixtureSite.describe(site.expected()));
        }
    }
}
