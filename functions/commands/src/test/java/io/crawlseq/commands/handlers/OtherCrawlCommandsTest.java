package io.crawlseq.commands.handlers;

import static io.crawlseq.commands.handlers.CommandHarness.args;
import static io.crawlseq.commands.handlers.CommandHarness.finalEnvelope;
import static io.crawlseq.commands.handlers.CommandHarness.finalFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.FetchedPage;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredArticle;
import io.crawlseq.store.blob.BlobKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** findTopicHubs, siteExplorer, sitemapDiscovery, sitemapOnly and basicArticleCrawl against the fixture sites. */
class OtherCrawlCommandsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private LoopbackServer server;

    static Stream<FixtureSite> sites() {
        return FixtureSites.all().stream();
    }

    private CommandHarness serve(FixtureSite site) {
        server = LoopbackServer.start();
        site.serve(server);
        return CommandHarness.quick(aws.storage(), server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SiteId siteId() {
        return SiteId.ofUrl(server.baseUrl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void findTopicHubs_reportsExactlyTheSitesTopicHubs(FixtureSite site) throws Exception {
        CommandHarness harness = serve(site);

        var run = harness.untilDone("findTopicHubs", args("{\"politeness\": {\"delayMs\": 0}}"), server.url(site.startPath()));

        List<String> expected = FixtureSite.describe(site.expected(HubKind.TOPIC));
        assertThat(finalEnvelope(run).path("status").asText()).isEqualTo("success");
        assertThat(HubLines.of(finalFields(run).get("hubs"), server.baseUrl())).isEqualTo(expected);
        assertThat(HubLines.stored(aws.storage().crawl().allHubs(HubQuery.allOf(siteId())), server.baseUrl()))
                .isEqualTo(expected);
    }

    @Test
    void siteExplorer_mapsNavigationSectionsAndHubsOfEveryKind() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        CommandHarness harness = serve(site);

        var run = harness.untilDone("siteExplorer",
                args("{\"maxDownloads\": 600, \"politeness\": {\"delayMs\": 0}}"), server.url("/"));

        JsonNode fields = finalFields(run);
        assertThat(fields.get("sections")).extracting(s -> s.path("url").asText().substring(server.baseUrl().length()))
                .contains("/world", "/uk-news", "/us-news", "/politics", "/the-filter", "/climate-crisis")
                .doesNotContain("/newsletters", "/search", "/signin", "/about");
        assertThat(HubLines.of(fields.get("hubs"), server.baseUrl())).isEqualTo(FixtureSite.describe(site.expected()));
        assertThat(aws.storage().crawl().allHubs(HubQuery.allOf(siteId()))).hasSize(site.expected().size());
    }

    @Test
    void sitemapDiscovery_countsTheSitemapsAndTheUrlsTheyList() throws Exception {
        CommandHarness harness = serve(FixtureSites.guardianLike());

        JsonNode envelope = finalEnvelope(harness.untilDone("sitemapDiscovery", args("{\"politeness\": {\"delayMs\": 0}}"),
                server.url("/")));

        assertThat(envelope.path("status").asText()).isEqualTo("success");
        assertThat(envelope.path("sitemapCount").asInt()).isEqualTo(4);
        assertThat(envelope.path("sitemaps")).hasSize(4);
        assertThat(envelope.path("newsUrlCount").asInt()).isEqualTo(20);
        assertThat(envelope.path("urlCount").asInt()).isGreaterThan(envelope.path("newsUrlCount").asInt());
        assertThat(envelope.path("failures").asInt()).isZero();
        assertThat(server.paths()).filteredOn(p -> !p.equals("/robots.txt")).hasSize(4);
    }

    @Test
    void sitemapOnly_fetchesTheNewestListedPagesAndRecordsTheirStoriesWithBodies() throws Exception {
        CommandHarness harness = serve(FixtureSites.guardianLike());

        var run = harness.untilDone("sitemapOnly", args("{\"maxDownloads\": 10, \"politeness\": {\"delayMs\": 0}}"),
                server.url("/"));

        JsonNode fields = finalFields(run);
        assertThat(fields.path("articlesFound").asInt()).isEqualTo(10);
        assertThat(fields.path("articles")).hasSize(10).allSatisfy(a -> {
            assertThat(a.path("title").asText()).isNotBlank();
            assertThat(a.path("publishedAt").asText()).startsWith("2024-");
        });
        List<StoredArticle> stored = aws.storage().crawl().articles(siteId(), PageRequest.first(100)).items();
        assertThat(stored).hasSize(10);
        FetchedPage page = aws.storage().crawl().page(siteId(), stored.get(0).article().url()).orElseThrow();
        assertThat(page.status()).isEqualTo(200);
        assertThat(aws.storage().blobs().get(BlobKey.of(page.bodyKey().orElseThrow())).orElseThrow().bytes())
                .hasSize((int) page.bytes());
    }

    @Test
    void sitemapOnly_withoutFetching_recordsTheStoriesNewsSitemapsDescribe() throws Exception {
        CommandHarness harness = serve(FixtureSites.guardianLike());

        JsonNode envelope = finalEnvelope(harness.untilDone("sitemapOnly",
                args("{\"fetchArticles\": false, \"politeness\": {\"delayMs\": 0}}"), server.url("/")));

        assertThat(envelope.path("articlesFound").asInt()).isEqualTo(20);
        assertThat(aws.storage().crawl().articles(siteId(), PageRequest.first(100)).items()).hasSize(20);
        assertThat(server.paths()).allMatch(p -> p.equals("/robots.txt") || p.contains("sitemap"));
    }

    @Test
    void basicArticleCrawl_recordsStoriesWithTheListingTheyCameFrom() throws Exception {
        CommandHarness harness = serve(FixtureSites.guardianLike());

        var run = harness.untilDone("basicArticleCrawl",
                args("{\"maxDepth\": 2, \"maxDownloads\": 80, \"politeness\": {\"delayMs\": 0}}"), server.url("/"));

        JsonNode fields = finalFields(run);
        // 80 downloads; /uk redirects to /uk-news (one download, two requests)
        assertThat(server.paths()).filteredOn(p -> !p.equals("/robots.txt") && !p.equals("/uk")).hasSize(80);
        assertThat(fields.path("articlesFound").asInt()).isPositive().isEqualTo(fields.path("articles").size());
        assertThat(fields.path("articles")).allSatisfy(a -> {
            assertThat(a.path("url").asText()).matches(".*/\\d{4}/[a-z]{3}/\\d{2}/.*");
            assertThat(a.path("hubUrl").asText()).startsWith(server.baseUrl());
        });
        assertThat(aws.storage().crawl().articles(siteId(), PageRequest.first(1000)).items())
                .hasSize(fields.path("articlesFound").asInt());
    }

    @Test
    void basicArticleCrawl_runAgain_updatesTheRecordedArticlesInsteadOfAddingDuplicates() throws Exception {
        CommandHarness harness = serve(FixtureSites.sectioned());
        var args = args("{\"maxDepth\": 2, \"maxDownloads\": 40, \"politeness\": {\"delayMs\": 0}}");

        var first = harness.untilDone("basicArticleCrawl", args, server.url("/"));
        List<StoredArticle> once = aws.storage().crawl().articles(siteId(), PageRequest.first(1000)).items();
        var second = harness.untilDone("basicArticleCrawl", args, server.url("/"));
        List<StoredArticle> twice = aws.storage().crawl().articles(siteId(), PageRequest.first(1000)).items();

        assertThat(once).isNotEmpty().hasSize(finalFields(first).path("articlesFound").asInt());
        assertThat(twice).hasSameSizeAs(once);
        assertThat(twice).allSatisfy(a -> assertThat(a.lastRunId()).isEqualTo(second.get(0).request().runId()));
        assertThat(twice).extracting(StoredArticle::firstSeen).isEqualTo(once.stream().map(StoredArticle::firstSeen).toList());
    }
}
