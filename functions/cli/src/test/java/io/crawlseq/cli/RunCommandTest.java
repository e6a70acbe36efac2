package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("crawlseq.repo.dir", "../.."));
    private static final String CONDITIONAL = REPO.resolve("sequences/conditional-topic-discovery.json").toString();

    @TempDir
    Path dir;

    private Path mocks(String json) throws Exception {
        Path file = dir.resolve("mocks.json");
        Files.writeString(file, json);
        return file;
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void mockedRun_takesTheThenBranchWhenEnoughHubsAndRetriesATransientFailure() throws Exception {
        Path mocks = mocks("{\"step1\": [{\"hubCount\": 12}], "
                + "\"findTopicHubs\": [{\"error\": \"CommandTransientError\", \"cause\": \"throttled\"}, {\"hubCount\": 4}]}");

        CliRun run = CliRun.of("run", CONDITIONAL, "--start-url", "https://news.example/", "--mock-results", mocks.toString(),
                "--json", "--delay-scale", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run);
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.at("/input/context/startUrl").asText()).isEqualTo("https://news.example/");
        assertThat(report.at("/output/results/step2/hubCount").asInt()).isEqualTo(4);
        assertThat(report.at("/output/results/lastCommand/command").asText()).isEqualTo("findTopicHubs");
        assertThat(report.path("steps")).extracting(s -> s.path("id").asText() + ":" + s.path("status").asText())
                .containsExactly("step1:success", "step2:failed", "step2:success");
        assertThat(report.at("/steps/1/result/error/type").asText()).isEqualTo("CommandTransientError");
        assertThat(report.at("/steps/0/args/country").asText()).isEqualTo("US");
    }

    @Test
    void mockedRun_logsTheWarningWhenTooFewHubs() throws Exception {
        CliRun run = CliRun.of("run", CONDITIONAL, "--start-url", "https://news.example/",
                "--mock-results", mocks("{\"step1\": [{\"hubCount\": 3}]}").toString(), "--delay-scale", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("SUCCEEDED").contains("warning: Insufficient hubs found, skipping topic discovery")
                .doesNotContain("findTopicHubs");
    }

    @Test
    void failedStepWithAbort_failsTheRunWithExitCode3() throws Exception {
        Path sequence = REPO.resolve("functions/cli/src/test/resources/run/abort-on-failure.yaml");
        CliRun run = CliRun.of("run", sequence.toString(), "--mock-results",
                mocks("{\"hubs\": [{\"status\": \"failed\", \"success\": false, \"error\": {\"type\": \"SiteUnreachable\", \"message\": \"dns\"}}]}").toString(),
                "--json", "--delay-scale", "0");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode report = json(run);
        assertThat(report.path("status").asText()).isEqualTo("FAILED");
        assertThat(report.path("error").asText()).isEqualTo("Sequence.StepFailed");
        assertThat(report.path("steps")).hasSize(1);
    }

    @Test
    void failedStepWithoutAbort_isRecordedAndTheRunGoesOn() throws Exception {
        Path sequence = REPO.resolve("sequences/simple-us-exploration.json");
        CliRun run = CliRun.of("run", sequence.toString(), "--start-url", "https://news.example/", "--mock-results",
                mocks("{\"ensureCountryHubs\": [{\"error\": \"CommandFatalError\", \"cause\": \"store down\"}], "
                        + "\"exploreCountryHubs\": [{\"articlesFound\": 5}], \"findTopicHubs\": [{\"hubCount\": 2}]}").toString(),
                "--json", "--delay-scale", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = json(run).at("/output/results");
        assertThat(results.at("/step1/status").asText()).isEqualTo("failed");
        assertThat(results.at("/step1/error/type").asText()).isEqualTo("CommandFatalError");
        assertThat(results.at("/step1/error/message").asText()).isEqualTo("store down");
        assertThat(results.at("/step2/articlesFound").asInt()).isEqualTo(5);
    }

    @Test
    void loopOverResults_runsOnceForEachHubWithItsUrl() throws Exception {
        Path sequence = REPO.resolve("functions/cli/src/test/resources/run/loop-over-hubs.yaml");
        CliRun run = CliRun.of("run", sequence.toString(), "--start-url", "https://news.example/", "--mock-results",
                mocks("{\"hubs\": [{\"hubCount\": 2, \"hubs\": [{\"url\": \"https://news.example/world/france\"}, "
                        + "{\"url\": \"https://news.example/us-news\"}]}], \"probe\": [{\"depth\": 7}, {\"depth\": 9}]}").toString(),
                "--json", "--delay-scale", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run);
        assertThat(report.path("steps")).filteredOn(s -> s.path("id").asText().equals("probe"))
                .extracting(s -> s.at("/args/hubUrl").asText())
                .containsExactly("https://news.example/world/france", "https://news.example/us-news");
        assertThat(report.at("/output/results/probe/depth").asInt()).as("last iteration's result").isEqualTo(9);
    }

    @Test
    void aStartUrlTheSsrfGuardRefuses_failsTheStep_namingTheOptionThatAllowsIt() throws Exception {
        CliRun run = CliRun.of("run", CONDITIONAL, "--start-url", "http://127.0.0.1:9/", "--json");

        JsonNode step = json(run).at("/steps/0");
        assertThat(step.at("/command").asText()).isEqualTo("ensurePlaceHubs");
        assertThat(step.at("/result/error/type").asText()).isEqualTo("BlockedByPolicy");
        assertThat(step.at("/result/error/message").asText()).contains("loopback").contains("--allow-host 127.0.0.1:9");
        assertThat(step.at("/result/pagesFetched").asInt()).isZero();
    }

    @Test
    void mockListUsedUp_failsThatInvocationClearly() throws Exception {
        Path sequence = REPO.resolve("sequences/simple-us-exploration.json");
        CliRun run = CliRun.of("run", sequence.toString(), "--start-url", "https://news.example/", "--mock-results",
                mocks("{\"ensureCountryHubs\": [], \"exploreCountryHubs\": [{}], \"findTopicHubs\": [{}]}").toString(),
                "--json", "--delay-scale", "0");

        assertThat(json(run).at("/output/results/step1/error/type").asText()).isEqualTo("MockResultsExhausted");
    }

    @Test
    void withoutStartUrl_isAUsageError() {
        CliRun run = CliRun.of("run", CONDITIONAL);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--start-url");
    }

    @Test
    void malformedMockResults_isAUsageErrorWithTheReason() throws Exception {
        CliRun notJson = CliRun.of("run", CONDITIONAL, "--start-url", "https://x.example/", "--mock-results", mocks("{oops").toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("not valid JSON").contains("line 1");

        CliRun notArray = CliRun.of("run", CONDITIONAL, "--start-url", "https://x.example/", "--mock-results",
                mocks("{\"step1\": {\"hubCount\": 1}}").toString());
        assertThat(notArray.exitCode()).isEqualTo(2);
        assertThat(notArray.err()).contains("must be an array");
    }

    @Test
    void invalidSequence_runsNothingAndExits1() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[\"ensureCountryHub\"]");
        CliRun run = CliRun.of("run", bad.toString(), "--start-url", "https://x.example/");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.json:1:2: error unknown-command").contains("nothing was compiled or run");
    }
}
