package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.crawl.CrawledPage;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubDetector;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints hub-detection precision/recall/F1 per kind on the fixture sites, for
 * {@code docs/hub-detection.md}. Two ways of finding hubs are measured: the {@link HubFinder}
 * (structure crawl + verification, what the commands use) and a plain breadth-first crawl of every
 * page feeding the detector.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/crawler -am test-compile exec:java \
 *   -Dexec.mainClass=io.crawlseq.crawler.harness.HubDetectionReport -Dexec.classpathScope=test
 * </pre>
 */
public final class HubDetectionReport {

    public static void main(String[] args) {
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Gazetteer load: %d ms%n%n", Gazetteer.loadTime().toMillis());
        HubMetrics finderTotal = new HubMetrics();
        HubMetrics crawlTotal = new HubMetrics();
        java.util.Map<HubKind, double[]> margins = new java.util.EnumMap<>(HubKind.class);   // [lowest true, highest false]
        int[] candidates = {0};
        out.println("| site | pages on site | hub finder: HTTP requests | full crawl: HTTP requests | expected hubs |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        for (FixtureSite site : FixtureSites.all()) {
            try (LoopbackServer server = LoopbackServer.start()) {
                site.serve(server);
                WebUrl start = UrlParser.parse(server.url(site.startPath())).orElseThrow();
                long finderRequests;
                try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                    HubFinder.Result result = HubFinder.find(crawler, start, HubFinder.Options.everything().limits(4, 1000, 8));
                    finderTotal.add(HubMetrics.score(site, result.hubs(), server.baseUrl()));
                    finderRequests = server.paths().size();
                }
                server.clearLog();
                long crawlRequests;
                try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                    HubDetector detector = new HubDetector(start);
                    CrawlHandler feed = new CrawlHandler() {
                        @Override
                        public List<String> onPage(CrawledPage page) {
                            detector.addFetch(page.result(), page.analysis());
                            return CrawlHandler.super.onPage(page);
                        }
                    };
                    CrawlReport report = Crawl.start(crawler, CrawlOptions.site(start, 3, 5000, 8), feed).run();
                    List<Hub> hubs = detector.hubs(0.6);
                    crawlTotal.add(HubMetrics.score(site, hubs, server.baseUrl()));
                    candidates[0] += detector.candidateCount();
                    java.util.Set<String> expected = new java.util.HashSet<>();
                    site.expected().forEach(h -> expected.add(h.kind().wireName() + " " + h.path()));
                    for (Hub h : detector.hubs(0.0)) {
                        String key = h.kind().wireName() + " " + h.url().substring(server.baseUrl().length());
                        double[] m = margins.computeIfAbsent(h.kind(), k -> new double[] {1.0, 0.0});
                        if (expected.contains(key)) {
                            m[0] = Math.min(m[0], h.confidence());
                        } else {
                            m[1] = Math.max(m[1], h.confidence());
                        }
                    }
                    crawlRequests = server.paths().size();
                    if (report.status() != CrawlReport.Status.COMPLETE) {
                        out.println("(full crawl of " + site.name() + " stopped: " + report.status() + ")");
                    }
                }
                out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", site.name(), site.pageCount(), finderRequests,
                        crawlRequests, site.expected().size());
            }
        }
        out.println();
        print(out, "Hub finder (structure crawl + verification, minConfidence 0.6)", finderTotal);
        print(out, "Full breadth-first crawl feeding the detector (depth 3, minConfidence 0.6)", crawlTotal);
        out.println("### Margins on the full crawl (" + candidates[0] + " candidates scored)");
        out.println();
        out.println("| kind | lowest confidence of a true hub | highest confidence of a candidate that is not one |");
        out.println("| --- | ---: | ---: |");
        margins.forEach((kind, m) -> out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", kind.wireName(), m[0], m[1]));
        out.println();
    }

    private static void print(PrintStream out, String title, HubMetrics metrics) {
        out.println("### " + title);
        out.println();
        out.println("| kind | expected | reported | true positives | precision | recall | F1 |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (HubKind kind : HubKind.values()) {
            HubMetrics.Counts c = metrics.all().get(kind);
            if (c == null) {
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", kind.wireName(),
                    c.truePositives + c.falseNegatives, c.truePositives + c.falsePositives, c.truePositives,
                    c.precision(), c.recall(), c.f1());
        }
        out.println();
    }
}
