package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.cli.demo.DemoSite;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with the real command handlers against fixture sites, then {@code history}, {@code show} and {@code stats}. */
class RunWithHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("crawlseq.repo.dir", "../.."));

    @TempDir
    Path dir;

    @Test
    void run_crawlsTheFixtureThroughTheStateMachine_andRecordsTheRunItsStepsAndTheHubs() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            Path sequence = REPO.resolve("functions/cli/src/test/resources/run/fixture-survey.yaml");

            CliRun run = CliRun.of("run", sequence.toString(), "--start-url", server.url("/"), "--allow-host",
                    server.hostPort(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            String runId = report.path("runId").asText();
            assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
            JsonNode results = report.at("/output/results");
            assertThat(FixtureServer.hubLines(results.at("/countryHubs/hubs"), server.baseUrl()))
                    .containsExactly("country /world/france FR", "country /world/germany DE");
            assertThat(results.at("/countryHubs/missing/0").asText()).isEqualTo("IT");
            assertThat(results.at("/topics/hubCount").asInt()).isEqualTo(site.expected(HubKind.TOPIC).size());
            assertThat(report.path("steps")).extracting(s -> s.path("id").asText()).containsExactly(
                    "sitemaps", "countryHubs", "hubStories", "hubStories", "topics");

            RunDetail detail = TestStores.storage().runs().runDetail(runId).orElseThrow();
            assertThat(detail.run().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(detail.run().sequenceName()).isEqualTo("cli-fixture-survey");
            assertThat(detail.run().summary()).containsEntry("invocations", 5L).containsEntry("invocationsFailed", 0L);
            assertThat(detail.steps()).extracting(StepRecord::stepId)
                    .containsExactly("sitemaps", "countryHubs", "hubStories[0]", "hubStories[1]", "topics");
            assertThat(detail.steps().get(2).args().node().path("startUrl").asText()).isEqualTo(server.url("/world/france"));
            assertThat(TestStores.storage().crawl().allHubs(HubQuery.allOf(SiteId.ofUrl(server.baseUrl()))))
                    .hasSize(2 + site.expected(HubKind.TOPIC).size());

            CliRun history = CliRun.of("history", "--sequence", "cli-fixture-survey", "--json");
            CliRun show = CliRun.of("show", runId);
            CliRun showJson = CliRun.of("show", runId, "--json");

            assertThat(JSON.readTree(history.out()).get(0).path("runId").asText()).isEqualTo(runId);
            assertThat(show.exitCode()).isZero();
            assertThat(show.out()).startsWith("run " + runId + "  cli-fixture-survey  SUCCEEDED")
                    .containsPattern("(?m)^  countryHubs +ensureCountryHubs +1 +success +\\S+ \\S*s +hubCount=2 verified=2")
                    .containsPattern("(?m)^  hubStories\\[1\\] +basicArticleCrawl")
                    .contains("\"countries\":[\"FR\",\"DE\",\"IT\"]");
            assertThat(JSON.readTree(showJson.out()).path("steps")).extracting(s -> s.path("stepId").asText())
                    .containsExactly("sitemaps", "countryHubs", "hubStories[0]", "hubStories[1]", "topics");
        }
    }

    @Test
    void theSitemapFirstExample_followsTheNewsSitemapBranch() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            CliRun run = CliRun.of("run", REPO.resolve("sequences/sitemap-first-crawl.json").toString(), "--start-url",
                    site.baseUrl() + "/", "--allow-host", site.hostPort(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.path("steps")).extracting(s -> s.path("command").asText())
                    .containsExactly("sitemapDiscovery", "sitemapOnly");
            int stories = report.at("/steps/1/result/articlesFound").asInt();
            assertThat(stories).isEqualTo(DemoSiteFacts.STORIES);
            assertThat(RunReportWarnings.of(report)).containsExactly("Articles after the crawl: " + stories);
        }
    }

    @Test
    void aStepThatRunsOutOfTime_isInvokedAgainByTheStateMachine_untilDone() throws Exception {
        Path sequence = dir.resolve("slow.json");
        Files.writeString(sequence, "[{\"command\": \"basicArticleCrawl\", \"id\": \"stories\", \"args\": {\"timeout\": 5000}}]");
        try (LoopbackServer server = CommandCommandTest.slowSmallSite()) {
            CliRun run = CliRun.of("run", sequence.toString(), "--start-url", server.url("/"), "--allow-host",
                    server.hostPort(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            JsonNode steps = report.path("steps");
            assertThat(steps.size()).isGreaterThan(2);
            for (int i = 0; i < steps.size() - 1; i++) {
                assertThat(steps.get(i).path("status").asText()).isEqualTo("partial");
            }
            assertThat(steps.get(steps.size() - 1).path("status").asText()).isEqualTo("success");
            assertThat(report.at("/output/results/stories/articlesFound").asInt()).isEqualTo(8);
            RunDetail detail = TestStores.storage().runs().runDetail(report.path("runId").asText()).orElseThrow();
            assertThat(detail.steps()).extracting(StepRecord::invocation)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, steps.size()).boxed().toList());
        }
    }
}
