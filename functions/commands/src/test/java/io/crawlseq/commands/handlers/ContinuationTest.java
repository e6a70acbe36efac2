package io.crawlseq.commands.handlers;

import static io.crawlseq.commands.handlers.CommandHarness.args;
import static io.crawlseq.commands.handlers.CommandHarness.finalEnvelope;
import static io.crawlseq.commands.handlers.CommandHarness.finalFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.handlers.support.CrawlFailures;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.DailyMetrics;
import io.crawlseq.store.ResumeOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long crawl cut into many invocations by a short time budget (the site's 2 s Crawl-delay on a
 * manual clock, a 20 s timeout) ends, through the runner and the store's continuations, with the
 * result one long invocation has.
 */
class ContinuationTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final String LIMITS = "\"maxDownloads\": 120, \"maxDepth\": 3";

    @ParameterizedTest
    @ValueSource(strings = {"ensureCountryHubs", "findTopicHubs", "siteExplorer", "sitemapOnly", "basicArticleCrawl"})
    void aCrawlCutIntoInvocations_endsWithTheResultOfOneLongInvocation(String command) throws Exception {
        FixtureSite site = FixtureSites.continental();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            CommandHarness harness = CommandHarness.polite(aws.storage(), server);

            List<CommandRunner.Invocation> whole = harness.untilDone(command, args("{" + LIMITS + "}"), server.url("/"));
            List<CommandRunner.Invocation> pieces = harness.untilDone(command, args("{" + LIMITS + ", \"timeout\": 20000}"),
                    server.url("/"));

            assertThat(whole).hasSize(1);
            assertThat(pieces.size()).isGreaterThan(3);
            for (int i = 0; i < pieces.size() - 1; i++) {
                JsonNode envelope = pieces.get(i).envelope();
                assertThat(envelope.path("status").asText()).isEqualTo("partial");
                assertThat(envelope.at("/continuation/invocation").asInt()).isEqualTo(i + 2);
            }
            assertThat(finalEnvelope(pieces).path("status").asText()).isEqualTo("success");
            assertThat(withoutCounters(finalFields(pieces))).isEqualTo(withoutCounters(finalFields(whole)));
            assertThat(finalEnvelope(pieces).path("failures")).isEqualTo(finalEnvelope(whole).path("failures"));
            String token = pieces.get(0).envelope().at("/continuation/token").asText();
            assertThat(aws.storage().continuations().resume(token, pieces.size(), Duration.ofMinutes(1)))
                    .isInstanceOf(ResumeOutcome.NotFound.class);
            long pagesReported = finalEnvelope(whole).path("pagesFetched").asLong() + finalEnvelope(pieces).path("pagesFetched").asLong();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<DailyMetrics> days = aws.storage().metrics().daily(command, today.minusDays(1), today);
            assertThat(days.stream().mapToLong(d -> d.counters().pages()).sum()).isEqualTo(pagesReported);
            assertThat(days.stream().mapToLong(d -> d.counters().invocations()).sum()).isEqualTo(1 + pieces.size());
        }
    }

    @Test
    void aBudgetShorterThanTheSitesCrawlDelay_failsWithNoProgressInsteadOfLoopingForever() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            FixtureSites.continental().serve(server);
            CommandHarness harness = CommandHarness.polite(aws.storage(), server);

            List<CommandRunner.Invocation> run = harness.untilDone("basicArticleCrawl", args("{\"timeout\": 1000}"),
                    server.url("/"));

            assertThat(run).hasSize(2);
            assertThat(run.get(0).envelope().path("status").asText()).isEqualTo("partial");
            assertThat(finalEnvelope(run).at("/error/type").asText()).isEqualTo(CrawlFailures.NO_PROGRESS);
        }
    }

    private static JsonNode withoutCounters(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        copy.remove(List.of("pagesFetched", "bytesFetched", "failures"));
        return copy;
    }
}
