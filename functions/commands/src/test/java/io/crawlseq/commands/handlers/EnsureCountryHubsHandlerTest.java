package io.crawlseq.commands.handlers;

import static io.crawlseq.commands.handlers.CommandHarness.args;
import static io.crawlseq.commands.handlers.CommandHarness.finalEnvelope;
import static io.crawlseq.commands.handlers.CommandHarness.finalFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredHub;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnsureCountryHubsHandlerTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    static Stream<FixtureSite> sites() {
        return FixtureSites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void ensureCountryHubs_reportsAndRecordsExactlyTheSitesCountryHubs(FixtureSite site) throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            CommandHarness harness = CommandHarness.quick(aws.storage(), server);

            List<CommandRunner.Invocation> run = harness.untilDone("ensureCountryHubs",
                    args("{\"politeness\": {\"delayMs\": 0}}"), server.url(site.startPath()));

            List<String> expected = FixtureSite.describe(site.expected(HubKind.COUNTRY));
            JsonNode envelope = finalEnvelope(run);
            assertThat(run).hasSize(1);
            assertThat(envelope.path("status").asText()).isEqualTo("success");
            assertThat(HubLines.of(finalFields(run).get("hubs"), server.baseUrl())).isEqualTo(expected);
            assertThat(envelope.path("hubCount").asInt()).isEqualTo(expected.size());
            assertThat(envelope.path("verified").asInt()).isEqualTo(expected.size());
            assertThat(envelope.path("missing")).isEmpty();
            assertThat(envelope.path("pagesFetched").asLong()).isGreaterThan(expected.size());
            assertThat(envelope.path("bytesFetched").asLong()).isPositive();
            List<StoredHub> stored = aws.storage().crawl().allHubs(HubQuery.allOf(SiteId.ofUrl(server.baseUrl())));
            assertThat(HubLines.stored(stored, server.baseUrl())).isEqualTo(expected);
            assertThat(server.paths()).noneMatch(p -> site.disallowedPrefixes().stream().anyMatch(p::startsWith));
        }
    }

    @Test
    void countries_limitTheHubsAndNameTheMissingOnes() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            CommandHarness harness = CommandHarness.quick(aws.storage(), server);

            JsonNode envelope = finalEnvelope(harness.untilDone("ensureCountryHubs",
                    args("{\"countries\": [\"FR\", \"DE\", \"IT\", \"JP\"], \"politeness\": {\"delayMs\": 0}}"),
                    server.url("/")));

            assertThat(HubLines.of(envelope.get("hubs"), server.baseUrl()))
                    .containsExactly("country /world/france FR", "country /world/germany DE");
            assertThat(envelope.path("missing")).extracting(JsonNode::asText).containsExactly("IT", "JP");
        }
    }

    @Test
    void runningAgain_updatesTheRecordedHubsInsteadOfAddingDuplicates() throws Exception {
        FixtureSite site = FixtureSites.sectioned();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            CommandHarness harness = CommandHarness.quick(aws.storage(), server);
            SiteId siteId = SiteId.ofUrl(server.baseUrl());

            harness.untilDone("ensureCountryHubs", args("{\"politeness\": {\"delayMs\": 0}}"), server.url("/"));
            List<StoredHub> first = aws.storage().crawl().allHubs(HubQuery.allOf(siteId));
            List<CommandRunner.Invocation> again = harness.untilDone("ensureCountryHubs",
                    args("{\"politeness\": {\"delayMs\": 0}}"), server.url("/"));
            List<StoredHub> second = aws.storage().crawl().allHubs(HubQuery.allOf(siteId));

            assertThat(second).hasSameSizeAs(first).hasSize(site.expected(HubKind.COUNTRY).size());
            assertThat(second).allSatisfy(h -> assertThat(h.lastRunId()).isEqualTo(again.get(0).request().runId()));
            assertThat(second).extracting(StoredHub::firstSeen).isEqualTo(first.stream().map(StoredHub::firstSeen).toList());
        }
    }
}
