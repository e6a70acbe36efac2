package io.crawlseq.commands.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredHub;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** guessPlaceHubs through the runner: learns from the hubs an earlier step recorded, finds the hidden ones. */
class GuessPlaceHubsCommandTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final String FAST = "\"politeness\": {\"delayMs\": 0}";

    private static Set<String> hiddenFindable(FixtureSite site) {
        Set<String> out = new TreeSet<>(site.hiddenPaths());
        out.removeAll(GuessSites.UNGUESSABLE);
        return out;
    }

    @Test
    void withoutKnownHubs_isSkippedWithAReason() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            GuessSites.worldwide().serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);

            JsonNode envelope = harness.envelope("guessPlaceHubs", "{" + FAST + "}", server.url("/"));

            assertThat(envelope.path("status").asText()).isEqualTo("skipped");
            assertThat(envelope.path("reason").asText()).contains("ensureCountryHubs");
        }
    }

    @Test
    void guesses_reportAttemptsHitsMissesAndPatterns_andApplyRecordsTheHits() throws Exception {
        FixtureSite site = GuessSites.worldwide();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            ObjectNode fields = harness.fields("guessPlaceHubs",
                    "{" + FAST + ", \"kinds\": [\"country\"], \"limit\": 60, \"apply\": true}", server.url("/"));

            assertThat(fields.path("attempts").asInt()).isEqualTo(60);
            assertThat(fields.path("hits").asInt()).isEqualTo(21);
            assertThat(fields.path("misses").asInt()).isEqualTo(39);
            assertThat(fields.path("patterns").get(0).path("pattern").asText()).isEqualTo("/world/{name-kebab}");
            assertThat(fields.path("patterns").get(0).path("kind").asText()).isEqualTo("country");
            assertThat(fields.path("patterns").get(0).path("support").asInt()).isEqualTo(6);
            Set<String> hubs = new TreeSet<>();
            fields.path("hubs").forEach(h -> hubs.add(h.path("url").asText().substring(server.baseUrl().length())));
            assertThat(hubs).isEqualTo(hiddenFindable(site));
            List<StoredHub> stored = aws.storage().crawl().allHubs(HubQuery.allOf(SiteId.ofUrl(server.baseUrl()))
                    .ofKind(io.crawlseq.store.HubKind.COUNTRY));
            assertThat(stored).hasSize(6 + 21);
            assertThat(stored).filteredOn(h -> h.hub().url().endsWith("/world/japan")).singleElement()
                    .satisfies(h -> assertThat(h.hub().evidence()).anyMatch(e -> e.startsWith("PredictedByPattern")));
        }
    }

    @Test
    void withoutApply_nothingIsRecorded_andARerunGuessesTheSamePlaces() throws Exception {
        FixtureSite site = GuessSites.joined();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness harness = HubWorkHarness.quick(aws.storage(), server);
            harness.recordHubsFound(server.url(site.startPath()), Set.of(HubKind.COUNTRY));
            SiteId siteId = SiteId.ofUrl(server.baseUrl());
            int before = aws.storage().crawl().allHubs(HubQuery.allOf(siteId)).size();

            ObjectNode first = harness.fields("guessPlaceHubs", "{" + FAST + ", \"kinds\": [\"country\"], \"limit\": 40}",
                    server.url(site.startPath()));
            ObjectNode second = harness.fields("guessPlaceHubs", "{" + FAST + ", \"kinds\": [\"country\"], \"limit\": 40}",
                    server.url(site.startPath()));

            assertThat(first.path("hits").asInt()).isEqualTo(10);
            assertThat(first.path("patterns").get(0).path("pattern").asText()).isEqualTo("/news/{name-joined}");
            assertThat(aws.storage().crawl().allHubs(HubQuery.allOf(siteId))).hasSize(before);
            assertThat(HubWorkHarness.withoutCounters(second)).isEqualTo(HubWorkHarness.withoutCounters(first));
        }
    }
}
