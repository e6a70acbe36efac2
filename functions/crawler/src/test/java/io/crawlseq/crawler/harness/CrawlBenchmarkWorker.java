package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.politeness.RetryPolicy;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Crawls a benchmark site with our crawler in its own JVM and prints one JSON line with pages,
 * wall time and this process's CPU time. Started by {@link CrawlBenchmark}.
 * Arguments: START_URL CONCURRENCY MAX_PAGES
 */
public final class CrawlBenchmarkWorker {

    public static void main(String[] args) {
        WebUrl start = UrlParser.parse(args[0]).orElseThrow();
        int concurrency = Integer.parseInt(args[1]);
        int maxPages = Integer.parseInt(args[2]);
        CrawlerConfig config = CrawlerConfig.defaults()
                .allowList(AllowList.parse(List.of(start.authority())).allowList())
                .politeness(Politeness.none())
                .retry(RetryPolicy.noRetries());
        long t0 = System.nanoTime();
        long[] t1000 = {-1};
        int[] pages = {0};
        CrawlHandler handler = new CrawlHandler() {
            @Override
            public List<String> onPage(io.crawlseq.crawler.crawl.CrawledPage page) {
                if (page.isOk() && ++pages[0] == 1000) {
                    t1000[0] = (System.nanoTime() - t0) / 1_000_000;
                }
                return CrawlHandler.super.onPage(page);
            }
        };
        CrawlReport report;
        try (Crawler crawler = Crawler.create(config)) {
            report = Crawl.start(crawler, CrawlOptions.site(start, 1000, maxPages, concurrency), handler).run();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf(Locale.ROOT, "{\"crawler\":\"crawl-sequences\",\"pages\":%d,\"ms\":%d,\"cpuMs\":%d,\"t1000\":%d}%n",
                report.progress().ok(), ms, cpuMs, t1000[0]);
    }
}
