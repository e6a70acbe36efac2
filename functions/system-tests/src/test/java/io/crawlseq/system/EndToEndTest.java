package io.crawlseq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.cloud.LocalCloud;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.ExecutionStatus;
import io.crawlseq.lang.registry.CommandErrors;
import io.crawlseq.store.DeploymentStatus;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.SequenceState;
import io.crawlseq.store.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * The deployment end to end on one machine, without Docker: a sequence uploaded to S3 (s3proxy)
 * reaches the deployer as S3 would send it, becomes a state machine on the local Step Functions
 * endpoint and a schedule on the local Scheduler; the schedule fires the run starter; the execution
 * runs on the local engine, its Task states calling the real command functions, which crawl a fixture
 * site on loopback and record each step in DynamoDB Local; the run recorder finishes the run when
 * the execution ends; the history reads it all back.
 */
class EndToEndTest {

    @RegisterExtension
    static final CloudFixture fixture = new CloudFixture();

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final String GROUP = LocalCloud.PROJECT;

    private String survey(String name, boolean scheduled) {
        return """
                type: Sequence
                name: %s
                startUrl: %s
                %s
                context:
                  countries: [GB, US]
                steps:
                  - type: Command
                    id: hubs
                    command: ensureCountryHubs
                    args: {countries: [GB, US], maxDownloads: 200, politeness: {delayMs: 0}}
                  - type: Conditional
                    if: results.hubs.success
                    then:
                      - type: Command
                        id: topics
                        command: findTopicHubs
                        args: {maxDownloads: 200, politeness: {delayMs: 0}}
                    else:
                      - type: Command
                        id: noHubs
                        command: logWarning
                        args: {message: "no country hubs on {{context.startUrl}}"}
                  - type: Command
                    id: sitemaps
                    command: sitemapDiscovery
                    args: {politeness: {delayMs: 0}}
                """.formatted(name, fixture.siteUrl(), scheduled ? "schedule: rate(1 day)" : "");
    }

    private LocalCloud cloud() {
        return fixture.cloud();
    }

    private List<ObjectNode> uploadAndNotify(String key, String content) {
        fixture.upload(key, content);
        return cloud().notifications().poll();
    }

    private SequenceState state(String name) {
        return cloud().storage().registry().state(name).orElseThrow();
    }

    @Test
    void uploadedSequence_isDeployedScheduledRunAndRecorded() throws Exception {
        // upload -> S3 event -> deployer
        List<ObjectNode> events = uploadAndNotify("sequences/e2e-survey.yaml", survey("e2e-survey", true));

        assertThat(events).hasSize(1);
        String machineArn = state("e2e-survey").deployed().orElseThrow().stateMachineArn().orElseThrow();
        assertThat(machineArn).endsWith(":stateMachine:crawlseq-e2e-survey");
        assertThat(cloud().sfn().describeStateMachine(b -> b.stateMachineArn(machineArn)).definition())
                .contains(LocalCloud.functionArn("crawlseq-EnsureCountryHubsFunction")).doesNotContain("${");
        assertThat(cloud().schedulerClient().getSchedule(b -> b.name("crawlseq-e2e-survey").groupName(GROUP))
                .scheduleExpression()).isEqualTo("rate(1 day)");

        // the schedule fires -> run starter -> execution
        JsonNode started = cloud().scheduler().fire(GROUP, "crawlseq-e2e-survey", Instant.parse("2026-11-23T03:00:00Z"));

        assertThat(started.path("status").asText()).as(started.toString()).isEqualTo("STARTED");
        String runId = started.path("runId").asText();
        assertThat(runId).startsWith("20261123-030000-");
        ExecutionResult execution = cloud().stepFunctions().awaitExecution(started.path("executionArn").asText(),
                RUN_TIMEOUT);

        // command functions on the fixture site -> step history; status change -> run recorder
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        RunDetail detail = cloud().storage().runs().runDetail(runId).orElseThrow();
        RunRecord run = detail.run();
        assertThat(run.sequenceName()).isEqualTo("e2e-survey");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.executionArn()).contains(execution.executionArn());
        assertThat(run.finishedAt()).isPresent();
        assertThat(run.input().node().at("/context/startUrl").asText()).isEqualTo(fixture.siteUrl());
        JsonNode results = execution.output().path("results");
        for (String step : List.of("hubs", "sitemaps")) {
            assertStep(detail, results, step);
        }
        assertThat(results.has("topics") || results.has("noHubs")).as("one branch of the Conditional ran").isTrue();
        assertThat(cloud().storage().runs().runsOfSequence("e2e-survey", PageRequest.first(10)).items())
                .extracting(RunRecord::runId).containsExactly(runId);
    }

    /**
     * A step whose command has a handler in this build crawled and left its record; one without
     * (commands still to be written) failed with the command functions' fatal error name, caught by
     * the state machine and recorded in the run's results.
     */
    private static void assertStep(RunDetail detail, JsonNode results, String stepId) {
        JsonNode envelope = results.path(stepId);
        String command = envelope.path("command").asText();
        Optional<StepRecord> record = detail.steps().stream().filter(s -> s.stepId().equals(stepId)).findFirst();
        if (StandardHandlers.catalog().find(command).isPresent()) {
            assertThat(record).as(stepId + " recorded").hasValueSatisfying(step -> {
                assertThat(step.status().isTerminal()).isTrue();
                assertThat(step.result().orElseThrow().node().path("command").asText()).isEqualTo(command);
            });
            assertThat(envelope.path("status").asText()).isIn("success", "skipped", "failed");
        } else {
            assertThat(envelope.path("status").asText()).isEqualTo("failed");
            assertThat(envelope.at("/error/type").asText()).isEqualTo(CommandErrors.FATAL_JAVA_LAMBDA);
        }
    }

    @Test
    void invalidUpload_getsItsReportAndDeploysNothing() throws Exception {
        uploadAndNotify("sequences/e2e-broken.yaml", """
                type: Sequence
                name: e2e-broken
                steps:
                  - type: Command
                    command: findTopicHubz
                """);

        JsonNode report = fixture.object("sequences/e2e-broken.yaml.diagnostics.json");
        assertThat(report.at("/diagnostics/0/code").asText()).isEqualTo("unknown-command");
        assertThat(report.at("/diagnostics/0/text").asText()).startsWith("e2e-broken.yaml:5:");
        assertThat(state("e2e-broken").latest().status()).isEqualTo(DeploymentStatus.INVALID);
        assertThat(state("e2e-broken").deployed()).isEmpty();
        assertThat(cloud().sfn().listStateMachines(b -> { }).stateMachines())
                .noneMatch(m -> m.name().equals("crawlseq-e2e-broken"));
        // the report lands under the prefix with a .json suffix, so S3 announces it too: the deployer ignores it
        List<ObjectNode> reportEvents = cloud().notifications().poll();
        assertThat(reportEvents).extracting(e -> e.at("/Records/0/s3/object/key").asText())
                .containsExactly("sequences/e2e-broken.yaml.diagnostics.json");
        assertThat(cloud().invoke(LocalCloud.DEPLOYER, reportEvents.getFirst()).at("/results/0/outcome").asText())
                .isEqualTo("IGNORED");
    }

    @Test
    void duplicateAndLateS3Events_neverRedeploy() throws Exception {
        ObjectNode first = uploadAndNotify("sequences/e2e-order.yaml", survey("e2e-order", false)).getFirst();
        ObjectNode second = uploadAndNotify("sequences/e2e-order.yaml", survey("e2e-order", true)).getFirst();
        String machineArn = state("e2e-order").deployed().orElseThrow().stateMachineArn().orElseThrow();
        String revision = cloud().sfn().describeStateMachine(b -> b.stateMachineArn(machineArn)).revisionId();
        String deployedVersion = state("e2e-order").deployed().orElseThrow().source().versionId().orElseThrow();

        JsonNode late = cloud().invoke(LocalCloud.DEPLOYER, first);
        JsonNode repeated = cloud().invoke(LocalCloud.DEPLOYER, second);

        assertThat(late.at("/results/0/outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(repeated.at("/results/0/outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(cloud().sfn().describeStateMachine(b -> b.stateMachineArn(machineArn)).revisionId()).isEqualTo(revision);
        assertThat(state("e2e-order").deployed().orElseThrow().source().versionId()).contains(deployedVersion);
        assertThat(deployedVersion).isEqualTo(second.at("/Records/0/s3/object/versionId").asText());
    }

    @Test
    void droppingScheduleFromTheSequence_removesItsSchedule() {
        uploadAndNotify("sequences/e2e-schedule.yaml", survey("e2e-schedule", true));
        assertThat(cloud().scheduler().schedule(GROUP, "crawlseq-e2e-schedule")).isPresent();

        uploadAndNotify("sequences/e2e-schedule.yaml", survey("e2e-schedule", false));

        assertThat(cloud().scheduler().schedule(GROUP, "crawlseq-e2e-schedule")).isEmpty();
        assertThatThrownBy(() -> cloud().schedulerClient().getSchedule(b -> b.name("crawlseq-e2e-schedule").groupName(GROUP)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(state("e2e-schedule").deployed().orElseThrow().schedule()).isEmpty();
        assertThat(state("e2e-schedule").deployed().orElseThrow().stateMachineArn())
                .hasValueSatisfying(arn -> assertThat(arn).endsWith(":crawlseq-e2e-schedule"));
    }
}
