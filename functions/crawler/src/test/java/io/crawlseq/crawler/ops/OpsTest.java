package io.crawlseq.crawler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapOptions;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsTest {

    private final FixtureSite site = FixtureSites.guardianLike();
    private LoopbackServer server;
    private Crawler crawler;
    private WebUrl start;

    @BeforeEach
    void serve() {
        server = LoopbackServer.start();
        site.serve(server);
        crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server));
        start = UrlParser.parse(server.url("/")).orElseThrow();
    }

    @AfterEach
    void stop() {
        crawler.close();
        server.close();
    }

    @Test
    void articleCrawl_recordsStoriesWithTheListingTheyCameFrom() {
        List<ArticleRecord> articles = new ArrayList<>();

        CrawlReport report = ArticleCrawl.run(crawler, ArticleCrawl.Options.of(start).limits(2, 80, 4), articles::add, p -> { });

        assertThat(report.progress().downloads()).isEqualTo(80);
        assertThat(articles).isNotEmpty().allSatisfy(a -> {
            assertThat(a.url()).matches(".*/\\d{4}/[a-z]{3}/\\d{2}/.*");
            assertThat(a.title()).isNotBlank();
            assertThat(a.publishedAt()).startsWith("2024-");
            assertThat(a.hubUrl()).startsWith(server.baseUrl());
            assertThat(a.authors()).hasSize(1);
        });
    }

    @Test
    void articleCrawl_withASmallBudget_spendsItOnTheListingsStoriesBeforeItsMenus() {
        WebUrl hub = UrlParser.parse(server.url("/world/france")).orElseThrow();
        List<ArticleRecord> articles = new ArrayList<>();

        CrawlReport report = ArticleCrawl.run(crawler, ArticleCrawl.Options.of(hub).limits(1, 6, 2), articles::add, p -> { });

        assertThat(report.progress().downloads()).isEqualTo(6);
        assertThat(articles).hasSize(5).allSatisfy(a -> assertThat(a.hubUrl()).isEqualTo(hub.toString()));
    }

    @Test
    void sitemapDiscovery_readsIndexGzipAndNewsSitemaps() {
        SitemapDiscovery found = SitemapCrawl.discover(crawler, start, SitemapOptions.defaults());

        assertThat(found.sitemapsRead()).isEqualTo(4);
        assertThat(found.newsUrlCount()).isEqualTo(20);
        assertThat(found.entries()).extracting(e -> e.url().substring(server.baseUrl().length()))
                .contains("/world/france", "/politics");
    }

    @Test
    void sitemapOnly_fetchesListedStoriesNewestFirstWithoutFollowingLinks() {
        SitemapDiscovery found = SitemapCrawl.discover(crawler, start, SitemapOptions.defaults());
        List<String> newest = SitemapCrawl.newestFirst(found);
        server.clearLog();
        List<ArticleRecord> articles = new ArrayList<>();

        CrawlReport report = SitemapCrawl.fetchListed(crawler, start, newest, 10, 4, Long.MAX_VALUE, articles::add);

        assertThat(report.progress().downloads()).isEqualTo(10);
        assertThat(server.paths()).containsExactlyElementsOf(
                newest.subList(0, 10).stream().map(u -> u.substring(server.baseUrl().length())).toList());
        assertThat(articles).hasSize(10);
        assertThat(articles.get(0).publishedAt().compareTo(articles.get(9).publishedAt())).isGreaterThanOrEqualTo(0);
    }

    @Test
    void siteExplorer_listsNavigationSectionsAndHubs() {
        SiteExplorer.Result result = SiteExplorer.explore(crawler, start, HubFinder.Options.everything().limits(4, 600, 4), p -> { });

        assertThat(result.sections()).extracting(s -> s.url().substring(server.baseUrl().length()))
                .contains("/world", "/uk-news", "/us-news", "/politics", "/the-filter", "/climate-crisis")
                .doesNotContain("/newsletters", "/search", "/signin", "/about");
        assertThat(result.hubs().hubs()).hasSize(site.expected().size());
        assertThat(result.partial()).isFalse();
    }
}
