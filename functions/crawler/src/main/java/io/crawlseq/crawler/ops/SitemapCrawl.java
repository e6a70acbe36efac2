package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlProgress;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.crawl.CrawledPage;
import io.crawlseq.crawler.crawl.UrlFilters;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapEntry;
import io.crawlseq.crawler.sitemap.SitemapOptions;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.WebUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cores of sitemapDiscovery and sitemapOnly: read the site's sitemaps, then (sitemapOnly)
 * fetch the pages they list, newest first, without following links, handing stories to a sink.
 */
public final class SitemapCrawl {

    private SitemapCrawl() {
    }

    /** sitemapDiscovery: robots.txt sitemaps or /sitemap.xml, indexes, gzip, news sitemaps, within the limits. */
    public static SitemapDiscovery discover(Crawler crawler, WebUrl site, SitemapOptions options) {
        return crawler.sitemaps(site, options);
    }

    /** The listed pages, newest first (news publication date, else lastmod; undated last, in listing order). */
    public static List<String> newestFirst(SitemapDiscovery found) {
        List<SitemapEntry> entries = new ArrayList<>(found.entries());
        entries.sort(Comparator.comparing(SitemapCrawl::date, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries.stream().map(SitemapEntry::url).toList();
    }

    private static Instant date(SitemapEntry e) {
        if (e.news() != null && e.news().publicationDate() != null) {
            return e.news().publicationDate();
        }
        return e.lastModified();
    }

    /** sitemapOnly: fetches the given pages (depth 0, no links followed); stories go to the sink. */
    public static CrawlReport fetchListed(Crawler crawler, WebUrl site, List<String> pages, long maxDownloads,
                                          int concurrency, long deadline, Consumer<ArticleRecord> articles) {
        return Crawl.start(crawler, options(site, pages, maxDownloads, concurrency, deadline), handler(articles)).run();
    }

    public static CrawlReport resumeListed(Crawler crawler, WebUrl site, FrontierState state, long maxDownloads,
                                           int concurrency, long deadline, Consumer<ArticleRecord> articles) {
        return Crawl.resume(crawler, options(site, List.of(), maxDownloads, concurrency, deadline), handler(articles), state)
                .run();
    }

    private static CrawlOptions options(WebUrl site, List<String> pages, long maxDownloads, int concurrency, long deadline) {
        SiteScope scope = SiteScope.of(site);
        return new CrawlOptions(pages, 0, maxDownloads, concurrency, deadline, UrlFilters.standard(scope, 0),
                scope::contains, 1000);
    }

    private static CrawlHandler handler(Consumer<ArticleRecord> articles) {
        return new CrawlHandler() {
            @Override
            public List<String> onPage(CrawledPage page) {
                if (page.analysis() != null && page.analysis().isArticle()) {
                    articles.accept(ArticleRecord.of(page.analysis(), null));
                }
                return List.of();
            }

            @Override
            public void onProgress(CrawlProgress progress) {
            }
        };
    }
}
