package io.crawlseq.functions.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.localstack.stepfunctions.ExecutionStatusChange;
import io.crawlseq.store.Json;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecorderTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final Instant START = Instant.parse("2099-03-01T03:00:00Z");
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:crawlseq-survey";

    private Recorder recorder() {
        return new Recorder(aws.storage().runs(), new ProjectNames("crawlseq-"));
    }

    private static ExecutionStatusChange change(String runId, String status, Optional<String> error) {
        return new ExecutionStatusChange(MACHINE.replace(":stateMachine:", ":execution:") + ":" + runId, MACHINE, runId,
                status, START, status.equals("RUNNING") ? Optional.empty() : Optional.of(START.plusSeconds(90)),
                "{\"context\": {\"startUrl\": \"https://news.example/\"}}", Optional.empty(), error,
                error.map(e -> "step hubs failed"));
    }

    @Test
    void runningEventOfAnExecutionStartedElsewhere_createsItsRunRecord() {
        Recorder.Recorded recorded = recorder().record(change("console-1", "RUNNING", Optional.empty())
                .toEvent("us-east-1", "123456789012"));

        assertThat(recorded).isEqualTo(Recorder.Recorded.CREATED);
        RunRecord run = aws.storage().runs().run("console-1").orElseThrow();
        assertThat(run.sequenceName()).isEqualTo("survey");
        assertThat(run.startedAt()).isEqualTo(START);
        assertThat(run.input().node().at("/context/startUrl").asText()).isEqualTo("https://news.example/");
    }

    @Test
    void terminalEvent_finishesTheRunWithAStepSummaryAndIsFinal() {
        aws.storage().runs().putRun(RunRecord.started("run-9", "survey", START, Json.emptyObject()));
        StepRecord hubs = StepRecord.started("run-9", "hubs", 1, 1, "ensureCountryHubs", Json.emptyObject(), START);
        aws.storage().runs().putStep(hubs.finished(StepStatus.SUCCEEDED, START.plusSeconds(30),
                Json.parse("{\"pagesFetched\": 12, \"bytesFetched\": 3400}"), Optional.empty()));
        StepRecord topics = StepRecord.started("run-9", "topics", 1, 1, "findTopicHubs", Json.emptyObject(),
                START.plusSeconds(31));
        aws.storage().runs().putStep(topics.finished(StepStatus.FAILED, START.plusSeconds(60),
                Json.parse("{\"pagesFetched\": 3}"), Optional.empty()));

        Recorder.Recorded recorded = recorder().record(change("run-9", "FAILED", Optional.of("Sequence.StepFailed"))
                .toEvent("us-east-1", "123456789012"));

        assertThat(recorded).isEqualTo(Recorder.Recorded.FINISHED);
        RunRecord run = aws.storage().runs().run("run-9").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.finishedAt()).contains(START.plusSeconds(90));
        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("Sequence.StepFailed"));
        assertThat(run.summary()).containsEntry("stepInvocations", 2L).containsEntry("stepsSucceeded", 1L)
                .containsEntry("stepsFailed", 1L).containsEntry("pagesFetched", 15L).containsEntry("bytesFetched", 3400L);

        assertThat(recorder().record(change("run-9", "SUCCEEDED", Optional.empty()).toEvent("us-east-1", "1")))
                .as("a late or repeated event").isEqualTo(Recorder.Recorded.UNCHANGED);
        assertThat(aws.storage().runs().run("run-9").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void otherEvents_areIgnored() throws Exception {
        assertThat(recorder().record(io.crawlseq.functions.support.LambdaJson.parse(
                "{\"detail-type\": \"Scheduled Event\", \"detail\": {}}"))).isEqualTo(Recorder.Recorded.IGNORED);
    }
}
