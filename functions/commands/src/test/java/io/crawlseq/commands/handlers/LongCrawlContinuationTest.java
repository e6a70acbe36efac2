package io.crawlseq.commands.handlers;

import static io.crawlseq.commands.handlers.HubWorkHarness.args;
import static io.crawlseq.commands.handlers.HubWorkHarness.finalEnvelope;
import static io.crawlseq.commands.handlers.HubWorkHarness.finalFields;
import static io.crawlseq.commands.handlers.HubWorkHarness.withoutCounters;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.crawler.testing.sites.PlaceSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.ResumeOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Long crawls cut into many invocations by a tiny time budget (a {@code timeout} of a few seconds on
 * a manual clock where every request waits a second for politeness, so each invocation makes a few
 * requests and nothing really waits) end, through the runner and the store's continuations, with
 * the result one long invocation has; every envelope stays small whatever the crawl's size.
 */
class LongCrawlContinuationTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    /** What Step Functions allows a state's payload; envelopes must stay far below. */
    private static final int STATE_PAYLOAD_LIMIT = 256 * 1024;

    private void assertPiecesEndLikeOneRun(String command, String argsJson, String startUrl, LoopbackServer server,
                                           int minimumPieces) throws Exception {
        assertPiecesEndLikeWholeRun(command, argsJson, startUrl, server, minimumPieces, 3000, 1);
    }

    /**
     * @param timeoutMs       the tiny budget of each piece
     * @param wholeInvocations invocations the run without a budget takes (1, unless the site's own
     *                        Retry-After waits make even a Lambda's 14 minutes of crawler time too short)
     */
    private void assertPiecesEndLikeWholeRun(String command, String argsJson, String startUrl, LoopbackServer server,
                                             int minimumPieces, int timeoutMs, int wholeInvocations) throws Exception {
        HubWorkHarness harness = HubWorkHarness.polite(aws.storage(), server);
        List<CommandRunner.Invocation> whole = harness.untilDone(command, args("{" + argsJson + "}"), startUrl);
        List<CommandRunner.Invocation> pieces = harness.untilDone(command,
                args("{" + argsJson + (argsJson.isEmpty() ? "" : ", ") + "\"timeout\": " + timeoutMs + "}"), startUrl);

        assertThat(whole).hasSize(wholeInvocations);
        assertThat(pieces.size()).as(command + " invocations").isGreaterThanOrEqualTo(minimumPieces);
        for (int i = 0; i < pieces.size() - 1; i++) {
            JsonNode envelope = pieces.get(i).envelope();
            assertThat(envelope.path("status").asText()).isEqualTo("partial");
            assertThat(envelope.at("/continuation/invocation").asInt()).isEqualTo(i + 2);
            assertThat(envelope.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
        }
        assertThat(finalEnvelope(whole).path("status").asText()).isEqualTo("success");
        assertThat(finalEnvelope(pieces).path("status").asText()).isEqualTo("success");
        assertThat(withoutCounters(finalFields(pieces))).isEqualTo(withoutCounters(finalFields(whole)));
        assertThat(finalEnvelope(pieces).toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(STATE_PAYLOAD_LIMIT / 16);
        String token = pieces.get(0).envelope().at("/continuation/token").asText();
        assertThat(aws.storage().continuations().resume(token, pieces.size(), Duration.ofMinutes(1)))
                .as("the state is gone once the crawl completed").isInstanceOf(ResumeOutcome.NotFound.class);
    }

    @Test
    void hubArchiveCrawl_acrossContinuations() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            ArchiveSite.standard().serve(server);

            assertPiecesEndLikeOneRun("hubArchiveCrawl", "\"maxPages\": 12, \"fetchArticles\": true",
                    server.url("/archive/query"), server, 20);
        }
    }

    @Test
    void hubArchiveCrawl_ofALongArchive_keepsEveryEnvelopeSmall() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            ArchiveSite.standard().serve(server);

            assertPiecesEndLikeWholeRun("hubArchiveCrawl", "\"maxPages\": 100", server.url("/archive/deep"), server, 5,
                    20_000, 1);
        }
    }

    @Test
    void hubDepthProbe_acrossContinuations() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            ArchiveSite.standard().serve(server);

            assertPiecesEndLikeOneRun("hubDepthProbe", "", server.url("/archive/deep"), server, 5);
        }
    }

    @Test
    void exploreCountryHubs_acrossContinuations() throws Exception {
        FixtureSite site = FixtureSites.continental();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness.polite(aws.storage(), server).recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            assertPiecesEndLikeOneRun("exploreCountryHubs", "\"limit\": 40, \"maxDepth\": 1", server.url("/"), server, 10);
        }
    }

    @Test
    void crawlCountryHubsHistory_acrossContinuations() throws Exception {
        FixtureSite site = FixtureSites.continental();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness.polite(aws.storage(), server).recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            assertPiecesEndLikeOneRun("crawlCountryHubsHistory", "\"hubLimit\": 3, \"maxPages\": 3", server.url("/"), server, 3);
        }
    }

    @Test
    void guessPlaceHubs_acrossContinuations() throws Exception {
        FixtureSite site = GuessSites.worldwide();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness.polite(aws.storage(), server).recordHubsFound(server.url("/"), Set.of(HubKind.COUNTRY));

            assertPiecesEndLikeOneRun("guessPlaceHubs", "\"kinds\": [\"country\"], \"limit\": 30", server.url("/"), server, 10);
        }
    }

    @Test
    void guessPlaceHubs_throughRedirectsAnd429s_acrossContinuations() throws Exception {
        FixtureSite site = GuessSites.metro();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            HubWorkHarness.polite(aws.storage(), server).recordHubsFound(server.url("/"),
                    Set.of(HubKind.COUNTRY, HubKind.REGION, HubKind.CITY));

            // a 429 every fourth request slows the host down sixteenfold: even the unbudgeted run needs two invocations
            assertPiecesEndLikeWholeRun("guessPlaceHubs", "\"kinds\": [\"region\", \"city\"], \"limit\": 30",
                    server.url("/"), server, 10, 3000, 2);
        }
    }

    @Test
    void ensurePlaceHubs_acrossContinuations() throws Exception {
        FixtureSite site = PlaceSites.regional();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);

            assertPiecesEndLikeOneRun("ensurePlaceHubs", "\"country\": \"AU\", \"maxDownloads\": 60", server.url("/"),
                    server, 5);
        }
    }
}
