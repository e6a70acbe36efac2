package io.crawlseq.commands.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.PlaceSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ensurePlaceHubs and findPlaceAndTopicHubs on the regional fixture, through the runner and the store. */
class PlaceCommandsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final FixtureSite SITE = PlaceSites.regional();
    private static final String FAST = "\"politeness\": {\"delayMs\": 0}";

    /** "kind path placeId [topic]" of result hubs. */
    private static List<String> lines(JsonNode hubs, String base) {
        List<String> out = new ArrayList<>();
        hubs.forEach(h -> out.add(h.path("kind").asText() + " " + h.path("url").asText().substring(base.length()) + " "
                + h.path("placeId").asText("-") + (h.has("topic") ? " " + h.path("topic").asText() : "")));
        out.sort(null);
        return out;
    }

    private static List<String> expected(Set<HubKind> kinds, String iso2) {
        List<String> out = new ArrayList<>();
        for (FixtureSite.ExpectedHub h : SITE.expected()) {
            if (kinds.contains(h.kind()) && (iso2 == null || iso2.equals(h.iso2()))) {
                out.add(h.kind().wireName() + " " + h.path() + " " + (h.placeId() == null ? "-" : h.placeId())
                        + (h.topic() != null ? " " + h.topic() : ""));
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void ensurePlaceHubs_withoutKnownCountryHubsOrACountry_isSkipped() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            SITE.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            JsonNode envelope = harness.envelope("ensurePlaceHubs", "{" + FAST + "}", server.url("/"));

            assertThat(envelope.path("status").asText()).isEqualTo("skipped");
            assertThat(envelope.path("reason").asText()).contains("ensureCountryHubs");
        }
    }

    @Test
    void ensurePlaceHubs_findsTheRegionsAndCitiesOfTheKnownCountries_resolvedByContext() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            SITE.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            ObjectNode fields = harness.fields("ensurePlaceHubs", "{" + FAST + "}", server.url("/"));

            assertThat(lines(fields.path("hubs"), server.baseUrl()))
                    .isEqualTo(expected(Set.of(HubKind.REGION, HubKind.CITY), null));
            assertThat(fields.path("regionCount").asInt()).isEqualTo(8);
            assertThat(fields.path("cityCount").asInt()).isEqualTo(9);
            assertThat(fields.path("hubCount").asInt()).isEqualTo(17);
            SiteId site = SiteId.ofUrl(server.baseUrl());
            assertThat(aws.storage().crawl().allHubs(HubQuery.allOf(site).ofKind(io.crawlseq.store.HubKind.REGION)))
                    .extracting(h -> h.hub().placeId().orElseThrow())
                    .contains("admin1:US.GA", "admin1:AU.07");
        }
    }

    @Test
    void ensurePlaceHubs_forOneCountry_citiesOnly() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            SITE.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            ObjectNode fields = harness.fields("ensurePlaceHubs", "{" + FAST + ", \"country\": \"CA\", \"kinds\": [\"city\"]}",
                    server.url("/"));

            assertThat(lines(fields.path("hubs"), server.baseUrl())).isEqualTo(expected(Set.of(HubKind.CITY), "CA"));
            assertThat(fields.path("regionCount").asInt()).isZero();
        }
    }

    @Test
    void findPlaceAndTopicHubs_reportsPlaceAndTopic() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            SITE.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            ObjectNode all = harness.fields("findPlaceAndTopicHubs", "{" + FAST + "}", server.url("/"));
            ObjectNode uk = harness.fields("findPlaceAndTopicHubs", "{" + FAST + ", \"country\": \"GB\"}", server.url("/"));

            assertThat(all.path("hubCount").asInt()).isEqualTo(5);
            List<String> topics = new ArrayList<>();
            all.path("hubs").forEach(h -> topics.add(h.path("url").asText().substring(server.baseUrl().length()) + " "
                    + h.path("iso2").asText("-") + " " + h.path("topic").asText()));
            assertThat(topics).containsExactlyInAnyOrder("/uk/politics GB politics", "/uk/business GB business",
                    "/us-news/us-politics US politics", "/australia-news/politics AU politics",
                    "/world/europe/business - business");
            assertThat(uk.path("hubCount").asInt()).isEqualTo(2);
        }
    }
}
