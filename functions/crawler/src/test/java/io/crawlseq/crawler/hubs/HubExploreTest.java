package io.crawlseq.crawler.hubs;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HubExploreTest {

    @Test
    void explore() {
        for (FixtureSite site : FixtureSites.all()) {
            try (LoopbackServer server = LoopbackServer.start();
                 Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                site.serve(server);
                WebUrl start = UrlParser.parse(server.url(site.startPath())).orElseThrow();
                HubDetector detector = new HubDetector(start);
                CrawlHandler handler = new CrawlHandler() {
                    @Override
                    public List<String> onPage(CrawledPage page) {
                        detector.addFetch(page.result(), page.analysis());
                        return CrawlHandler.super.onPage(page);
                    }
                };
                CrawlReport report = Crawl.start(crawler, CrawlOptions.site(start, 3, 3000, 8), handler).run();
                System.out.println("== " + site.name() + " pages=" + site.pageCount() + " " + report.status() + " " + report.progress());
                Set<String> expected = new TreeSet<>();
                for (FixtureSite.ExpectedHub h : site.expected()) {
                    expected.add(h.kind().wireName() + " " + h.path() + " " + (h.iso2() == null ? "" : h.iso2()) + (h.topic() == null ? "" : h.topic()));
                }
                Set<String> found = new TreeSet<>();
                List<Hub> hubs = detector.hubs(0.6);
                for (Hub h : hubs) {
                    String path = h.url().substring(server.baseUrl().length());
                    found.add(h.kind().wireName() + " " + path + " " + (h.iso2() == null ? "" : h.iso2()) + (h.kind() == HubKind.TOPIC || h.kind() == HubKind.PLACE_TOPIC ? h.topic() : ""));
                }
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(found);
                Set<String> extra = new TreeSet<>(found);
                extra.removeAll(expected);
                System.out.println("expected " + expected.size() + " found " + found.size() + " " + found);
                System.out.println("missing: " + missing);
                System.out.println("extra:   " + extra);
                for (String m : new ArrayList<>(missing)) {
                    String path = m.split(" ")[1];
                    detector.assess(server.url(path)).ifPresentOrElse(
                            h -> System.out.println("  miss " + path + " " + h.kind() + " conf=" + h.confidence() + " " + h.evidence()),
                            () -> System.out.println("  miss " + path + " not a candidate"));
                }
                for (String x : extra) {
                    String path = x.split(" ")[1];
                    detector.assess(server.url(path)).ifPresent(
                            h -> System.out.println("  extra " + path + " " + h.kind() + " conf=" + h.confidence() + " " + h.evidence()));
                }
            }
        }
    }
}
