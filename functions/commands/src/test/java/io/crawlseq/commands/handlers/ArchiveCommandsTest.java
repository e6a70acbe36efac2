package io.crawlseq.commands.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hubDepthProbe, hubArchiveCrawl, exploreCountryHubs and the history commands through the runner and the store. */
class ArchiveCommandsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final String FAST = "\"politeness\": {\"delayMs\": 0}";

    private List<StoredArticle> storedArticles(String baseUrl) {
        return aws.storage().crawl().articles(SiteId.ofUrl(baseUrl), PageRequest.first(1000)).items();
    }

    private static List<String> urls(JsonNode articles) {
        List<String> out = new ArrayList<>();
        articles.forEach(a -> out.add(a.path("url").asText()));
        return out;
    }

    @Test
    void hubDepthProbe_reportsDepthStyleAndLoop() throws Exception {
        ArchiveSite site = ArchiveSite.standard();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            JsonNode clamp = harness.envelope("hubDepthProbe", "{" + FAST + "}", server.url("/archive/clamp"));
            JsonNode older = harness.envelope("hubDepthProbe",
                    "{" + FAST + ", \"hubUrl\": \"" + server.url("/archive/older") + "\"}", server.url("/"));

            assertThat(clamp.path("status").asText()).isEqualTo("success");
            assertThat(clamp.path("depth").asInt()).isEqualTo(13);
            assertThat(clamp.path("paginationStyle").asText()).isEqualTo("query");
            assertThat(clamp.path("loopDetected").asBoolean()).isTrue();
            assertThat(clamp.path("pagesProbed").asInt()).isBetween(3, 12);
            assertThat(older.path("depth").asInt()).isEqualTo(8);
            assertThat(older.path("paginationStyle").asText()).isEqualTo("olderLink");
            assertThat(older.path("hubUrl").asText()).isEqualTo(server.url("/archive/older"));
        }
    }

    @Test
    void hubDepthProbe_ofAHubWithoutStories_fails() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            ArchiveSite.standard().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            JsonNode envelope = harness.envelope("hubDepthProbe", "{" + FAST + "}", server.url("/archive/none"));

            assertThat(envelope.path("status").asText()).isEqualTo("failed");
            assertThat(envelope.at("/error/type").asText()).isEqualTo("HubUnavailable");
            assertThat(envelope.at("/error/message").asText()).contains("404");
        }
    }

    @Test
    void hubArchiveCrawl_collectsAndStoresTheStoriesOfEveryPage() throws Exception {
        ArchiveSite site = ArchiveSite.standard();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            ObjectNode fields = harness.fields("hubArchiveCrawl", "{" + FAST + ", \"maxPages\": 50, \"fetchArticles\": true}",
                    server.url("/archive/soft"));

            List<String> expected = site.storyPaths("/archive/soft").stream().map(server::url).toList();
            assertThat(fields.path("depth").asInt()).isEqualTo(23);
            assertThat(fields.path("articlesFound").asInt()).isEqualTo(230);
            assertThat(urls(fields.path("articles"))).containsExactlyElementsOf(expected);
            assertThat(fields.path("articles").get(0).path("publishedAt").asText()).isEqualTo("2024-05-12T09:00:00Z");
            List<StoredArticle> stored = storedArticles(server.baseUrl());
            assertThat(stored).hasSize(230);
            assertThat(stored).allSatisfy(a -> {
                assertThat(a.article().hubUrl()).contains(server.url("/archive/soft"));
                assertThat(a.article().section()).contains("Archive");
            });
        }
    }

    @Test
    void exploreCountryHubs_withoutKnownHubs_isSkippedWithAReason() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.guardianLike().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            JsonNode envelope = harness.envelope("exploreCountryHubs", "{" + FAST + "}", server.url("/"));

            assertThat(envelope.path("status").asText()).isEqualTo("skipped");
            assertThat(envelope.path("reason").asText()).contains("run ensureCountryHubs first");
            assertThat(server.paths()).isEmpty();
        }
    }

    @Test
    void exploreCountryHubs_visitsEveryKnownHub_fetchesTheStories_andRecordsThemWithTheirHub() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.continental().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            List<Hub> hubs = harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            ObjectNode fields = harness.fields("exploreCountryHubs", "{" + FAST + ", \"limit\": 500, \"maxDepth\": 0}",
                    server.url("/"));

            assertThat(fields.path("hubsVisited").asInt()).isEqualTo(hubs.size()).isEqualTo(18);
            assertThat(fields.path("articlesFound").asInt()).isEqualTo(18 * 12);
            List<String> hubUrls = hubs.stream().map(Hub::url).toList();
            List<StoredArticle> stored = storedArticles(server.baseUrl());
            assertThat(stored).hasSize(18 * 12).allSatisfy(a -> {
                assertThat(hubUrls).contains(a.article().hubUrl().orElseThrow());
                assertThat(a.article().publishedAt()).isPresent();
                assertThat(a.article().title()).isPresent();
            });
        }
    }

    @Test
    void exploreCountryHubs_structureOnly_forOneCountry_fetchesNoStory() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.continental().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));
            server.clearLog();

            ObjectNode fields = harness.fields("exploreCountryHubs",
                    "{" + FAST + ", \"country\": \"JP\", \"structureOnly\": true, \"limit\": 20}", server.url("/"));

            assertThat(fields.path("hubsVisited").asInt()).isEqualTo(1);
            assertThat(fields.path("articlesFound").asInt()).isEqualTo(20);
            assertThat(server.paths()).allMatch(p -> p.startsWith("/world/asia/japan") || p.equals("/robots.txt"));
            assertThat(fields.path("articles")).allSatisfy(a -> assertThat(a.has("publishedAt")).isFalse());
        }
    }

    @Test
    void crawlCountryHubHistory_walksThatCountrysHub() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.continental().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            JsonNode fr = harness.envelope("crawlCountryHubHistory", "{" + FAST + ", \"country\": \"FR\"}", server.url("/"));
            JsonNode nz = harness.envelope("crawlCountryHubHistory", "{" + FAST + ", \"country\": \"NZ\"}", server.url("/"));

            assertThat(fr.path("status").asText()).isEqualTo("success");
            assertThat(fr.path("country").asText()).isEqualTo("FR");
            assertThat(fr.path("hubUrl").asText()).isEqualTo(server.url("/world/europe/france"));
            assertThat(fr.path("depth").asInt()).isEqualTo(3);
            assertThat(fr.path("articlesFound").asInt()).isEqualTo(36);
            assertThat(nz.path("status").asText()).isEqualTo("skipped");
            assertThat(nz.path("reason").asText()).contains("NZ").contains("ensureCountryHubs");
        }
    }

    @Test
    void crawlCountryHubsHistory_walksTheMostConfidentHubsInTurn() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.continental().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            ObjectNode fields = harness.fields("crawlCountryHubsHistory", "{" + FAST + ", \"hubLimit\": 4, \"maxPages\": 2}",
                    server.url("/"));

            assertThat(fields.path("hubsCrawled").asInt()).isEqualTo(4);
            assertThat(fields.path("articlesFound").asInt()).isEqualTo(4 * 2 * 12);
            assertThat(storedArticles(server.baseUrl())).hasSize(96);
        }
    }
}
