package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.Article;
import io.crawlseq.store.CrawlResults;
import io.crawlseq.store.FetchedPage;
import io.crawlseq.store.Hub;
import io.crawlseq.store.HubKind;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredArticle;
import io.crawlseq.store.StoredHub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrawlResultsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final SiteId SITE = SiteId.ofUrl("http://127.0.0.1:8080/");
    // Far in the future: DynamoDB Local really deletes items whose TTL has passed, and TTLs derive from these.
    private static final Instant T0 = Instant.parse("2099-03-01T10:00:00Z");

    private CrawlResults crawl() {
        return aws.storage().crawl();
    }

    @Test
    void putHub_rerunUpdatesInsteadOfDuplicating() {
        Hub france = Hub.of("http://127.0.0.1:8080/world/france", HubKind.COUNTRY, 0.7).withIso2("fr")
                .withEvidence(List.of("nav link 'France'"));
        crawl().putHub(SITE, france, "run-1", T0);

        StoredHub stored = crawl().putHub(SITE, france.withVerified(true), "run-2", T0.plusSeconds(3600));

        assertThat(stored.firstSeen()).isEqualTo(T0);
        assertThat(stored.lastSeen()).isEqualTo(T0.plusSeconds(3600));
        assertThat(stored.lastRunId()).isEqualTo("run-2");
        assertThat(stored.hub().verified()).isTrue();
        assertThat(stored.hub().iso2()).contains("FR");
        assertThat(crawl().allHubs(HubQuery.allOf(SITE))).containsExactly(stored);
    }

    @Test
    void putHub_olderObservationLeavesNewerRecord() {
        Hub hub = Hub.of("http://127.0.0.1:8080/politics", HubKind.TOPIC, 0.9).withTopic("politics");
        StoredHub newer = crawl().putHub(SITE, hub, "run-2", T0.plusSeconds(60));

        StoredHub result = crawl().putHub(SITE, hub.withName("stale name"), "run-1", T0);

        assertThat(result).isEqualTo(newer);
        assertThat(crawl().hub(SITE, hub.url())).contains(newer);
    }

    @Test
    void hubs_filterByKindCountryAndBoth() {
        crawl().putHub(SITE, Hub.of("http://127.0.0.1:8080/world/france", HubKind.COUNTRY, 0.9).withIso2("FR"), "r", T0);
        crawl().putHub(SITE, Hub.of("http://127.0.0.1:8080/world/germany", HubKind.COUNTRY, 0.9).withIso2("DE"), "r", T0);
        crawl().putHub(SITE, Hub.of("http://127.0.0.1:8080/france/paris", HubKind.CITY, 0.8).withIso2("FR"), "r", T0);
        crawl().putHub(SITE, Hub.of("http://127.0.0.1:8080/politics", HubKind.TOPIC, 0.8).withTopic("politics"), "r", T0);
        crawl().putHub(SiteId.of("other.example"), Hub.of("http://other.example/world/france", HubKind.COUNTRY, 0.9)
                .withIso2("FR"), "r", T0);

        assertThat(urls(HubQuery.allOf(SITE).ofKind(HubKind.COUNTRY)))
                .containsExactly("http://127.0.0.1:8080/world/germany", "http://127.0.0.1:8080/world/france");
        assertThat(urls(HubQuery.allOf(SITE).forCountry("fr")))
                .containsExactly("http://127.0.0.1:8080/france/paris", "http://127.0.0.1:8080/world/france");
        assertThat(urls(HubQuery.allOf(SITE).ofKind(HubKind.COUNTRY).forCountry("FR")))
                .containsExactly("http://127.0.0.1:8080/world/france");
        assertThat(urls(HubQuery.allOf(SITE).ofKind(HubKind.TOPIC)))
                .containsExactly("http://127.0.0.1:8080/politics");
        assertThat(urls(HubQuery.allOf(SITE))).hasSize(4);
    }

    @Test
    void putHub_reclassificationMovesTheHubBetweenIndexes() {
        String url = "http://127.0.0.1:8080/world/georgia";
        crawl().putHub(SITE, Hub.of(url, HubKind.COUNTRY, 0.5).withIso2("GE"), "r1", T0);

        crawl().putHub(SITE, Hub.of(url, HubKind.REGION, 0.8).withName("Georgia (US state)"), "r2", T0.plusSeconds(1));

        assertThat(urls(HubQuery.allOf(SITE).ofKind(HubKind.COUNTRY))).isEmpty();
        assertThat(urls(HubQuery.allOf(SITE).forCountry("GE"))).isEmpty();
        assertThat(urls(HubQuery.allOf(SITE).ofKind(HubKind.REGION))).containsExactly(url);
        assertThat(crawl().hub(SITE, url).orElseThrow().hub().iso2()).isEmpty();
    }

    @Test
    void hubs_paginateWithoutLossOrRepeat() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String url = String.format("http://127.0.0.1:8080/world/c%02d", i);
            expected.add(url);
            crawl().putHub(SITE, Hub.of(url, HubKind.COUNTRY, 0.5).withIso2("FR"), "r", T0);
        }

        List<String> seen = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(5));
        while (request.isPresent()) {
            Page<StoredHub> page = crawl().hubs(HubQuery.allOf(SITE).ofKind(HubKind.COUNTRY), request.get());
            page.items().forEach(h -> seen.add(h.hub().url()));
            request = request.get().next(page);
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void putHub_longUrlsRoundTripAndStayDistinct() {
        String base = "http://127.0.0.1:8080/world/" + "x".repeat(3000);
        Hub a = Hub.of(base + "/a", HubKind.COUNTRY, 0.5).withIso2("FR");
        Hub b = Hub.of(base + "/b", HubKind.COUNTRY, 0.5).withIso2("FR");

        crawl().putHub(SITE, a, "r", T0);
        crawl().putHub(SITE, b, "r", T0);

        assertThat(crawl().hub(SITE, a.url()).orElseThrow().hub()).isEqualTo(a);
        assertThat(crawl().hub(SITE, b.url()).orElseThrow().hub()).isEqualTo(b);
        assertThat(crawl().allHubs(HubQuery.allOf(SITE).forCountry("FR"))).hasSize(2);
    }

    @Test
    void putHub_capsEvidence() {
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            evidence.add("signal-" + i + " " + "e".repeat(1000));
        }
        crawl().putHub(SITE, Hub.of("http://127.0.0.1:8080/x", HubKind.TOPIC, 0.5).withEvidence(evidence), "r", T0);

        Hub stored = crawl().hub(SITE, "http://127.0.0.1:8080/x").orElseThrow().hub();

        assertThat(stored.evidence()).hasSize(Hub.MAX_EVIDENCE)
                .allSatisfy(e -> assertThat(e).hasSizeLessThanOrEqualTo(Hub.MAX_EVIDENCE_CHARS));
    }

    @Test
    void putPage_keepsLatestFetchForConditionalRequests() {
        String url = "http://127.0.0.1:8080/world/france";
        FetchedPage newer = new FetchedPage(url, 200, Optional.of("text/html"), 5120, T0.plusSeconds(60),
                Optional.of("\"v2\""), Optional.of("Sat, 01 Mar 2025 10:01:00 GMT"),
                Optional.of("pages/sha256/ab/" + "ab".repeat(32)));
        FetchedPage older = new FetchedPage(url, 304, Optional.empty(), 0, T0, Optional.of("\"v1\""), Optional.empty(),
                Optional.empty());

        crawl().putPage(SITE, newer);
        crawl().putPage(SITE, older);

        assertThat(crawl().page(SITE, url)).contains(newer);
        assertThat(crawl().page(SITE, "http://127.0.0.1:8080/never")).isEmpty();
    }

    @Test
    void articles_updateOnRerunAndPage() {
        for (int i = 0; i < 7; i++) {
            crawl().putArticle(SITE, Article.of("http://127.0.0.1:8080/2099/03/a" + i).withTitle("Story " + i)
                    .withPublishedAt(T0.minusSeconds(i)).withHubUrl("http://127.0.0.1:8080/world/france"), "run-1", T0);
        }
        StoredArticle again = crawl().putArticle(SITE, Article.of("http://127.0.0.1:8080/2099/03/a3")
                .withTitle("Story 3, updated").withSection("world"), "run-2", T0.plusSeconds(10));

        Page<StoredArticle> first = crawl().articles(SITE, PageRequest.first(4));
        Page<StoredArticle> second = crawl().articles(SITE, PageRequest.after(first.nextCursor().orElseThrow(), 4));

        assertThat(again.firstSeen()).isEqualTo(T0);
        assertThat(again.article().hubUrl()).isEmpty();
        assertThat(first.items()).hasSize(4);
        assertThat(second.items()).hasSize(3);
        assertThat(second.hasMore()).isFalse();
        assertThat(crawl().article(SITE, "http://127.0.0.1:8080/2099/03/a3")).contains(again);
    }

    private List<String> urls(HubQuery query) {
        return crawl().allHubs(query).stream().map(h -> h.hub().url()).toList();
    }
}
