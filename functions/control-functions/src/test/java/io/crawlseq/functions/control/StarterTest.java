package io.crawlseq.functions.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StarterTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private ControlStack stack;
    private Starter starter;

    private static final String SURVEY = """
            type: Sequence
            name: survey
            startUrl: https://www.theguardian.com/
            context: {archivePages: 5, countries: [GB]}
            steps:
              - type: Command
                command: findTopicHubs
            """;

    @BeforeEach
    void start() {
        stack = new ControlStack(aws);
        stack.deployer().deploy(stack.upload("sequences/survey.yaml", SURVEY).created(), "test");
        starter = stack.starter();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private static JsonNode json(String text) throws Exception {
        return LambdaJson.parse(text);
    }

    @Test
    void directStart_mergesTheContextWritesTheRunAndStartsTheExecutionNamedByTheRunId() throws Exception {
        StartResult result = starter.start(json("{\"sequence\": \"survey\", \"context\": {\"archivePages\": 2}}"));

        assertThat(result).isInstanceOfSatisfying(StartResult.Started.class, started -> {
            assertThat(started.executionArn()).endsWith(":execution:crawlseq-survey:" + started.runId());
            assertThat(started.input().at("/context/archivePages").asInt()).isEqualTo(2);
            assertThat(started.input().at("/context/countries/0").asText()).isEqualTo("GB");
            assertThat(started.input().at("/context/startUrl").asText()).isEqualTo("https://www.theguardian.com/");
            RunRecord run = aws.storage().runs().run(started.runId()).orElseThrow();
            assertThat(run.sequenceName()).isEqualTo("survey");
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(run.executionArn()).contains(started.executionArn());
            assertThat(run.input().node()).isEqualTo(started.input());
        });
        String executionArn = ((StartResult.Started) result).executionArn();
        assertThat(stack.stepFunctions.awaitExecution(executionArn, Duration.ofSeconds(30)).succeeded()).isTrue();
    }

    @Test
    void startUrlInTheRequest_winsOverTheSequences() throws Exception {
        StartResult result = starter.start(json("{\"sequence\": \"survey\", \"startUrl\": \"https://www.bbc.co.uk/news\"}"));

        assertThat(((StartResult.Started) result).input().at("/context/startUrl").asText())
                .isEqualTo("https://www.bbc.co.uk/news");
    }

    @Test
    void repeatedScheduledDelivery_startsOneRun() throws Exception {
        String fired = "{\"sequence\": \"survey\", \"scheduledTime\": \"2026-11-21T06:00:00Z\", \"scheduleArn\": \"arn:x\"}";

        StartResult first = starter.start(json(fired));
        StartResult second = starter.start(json(fired));

        assertThat(first).isInstanceOf(StartResult.Started.class);
        assertThat(second).isInstanceOfSatisfying(StartResult.Started.class, s -> {
            assertThat(s.runId()).isEqualTo(((StartResult.Started) first).runId()).startsWith("20261121-060000-");
            assertThat(s.alreadyRunning()).isTrue();
        });
        assertThat(stack.sfn.listExecutions(b -> b.stateMachineArn(((StartResult.Started) first).stateMachineArn()))
                .executions()).hasSize(1);
    }

    @Test
    void unknownSequence_isRejectedWithTheReason() throws Exception {
        assertThat(starter.start(json("{\"sequence\": \"nope\"}")))
                .isInstanceOfSatisfying(StartResult.Rejected.class, r -> assertThat(r.reason()).contains("nope"));
    }

    @Test
    void malformedRequests_areRejectedNotThrown() throws Exception {
        assertThat(starter.start(json("{}"))).isInstanceOf(StartResult.Rejected.class);
        assertThat(starter.start(json("{\"sequence\": \"survey\", \"context\": [1]}"))).isInstanceOf(StartResult.Rejected.class);
        assertThat(starter.start(json("{\"sequence\": \"survey\", \"runId\": \"has space\"}")))
                .isInstanceOf(StartResult.Rejected.class);
        assertThat(starter.start(json("{\"sequence\": \"survey\", \"scheduledTime\": \"yesterday\"}")))
                .isInstanceOf(StartResult.Rejected.class);
        assertThat(starter.start(json("[\"survey\"]"))).isInstanceOf(StartResult.Rejected.class);
    }

    @Test
    void sequenceWithoutAnyStartUrl_isRejected() throws Exception {
        stack.deployer().deploy(stack.upload("sequences/bare.json", "[\"findTopicHubs\"]").created(), "test");

        assertThat(starter.start(json("{\"sequence\": \"bare\"}")))
                .isInstanceOfSatisfying(StartResult.Rejected.class, r -> assertThat(r.reason()).contains("startUrl"));
    }
}
