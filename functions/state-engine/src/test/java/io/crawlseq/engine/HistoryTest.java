package io.crawlseq.engine;

import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.machine;
import static io.crawlseq.engine.TestSupport.script;
import static io.crawlseq.engine.history.HistoryEventType.*;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    private static final String PASS_TASK_SUCCEED = """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"u": "x"}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Parameters": {"FunctionName": "F", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """;

    @Test
    void successfulRun_recordsEventsLikeGetExecutionHistory() {
        ExecutionResult result = TestSupport.run(PASS_TASK_SUCCEED, "{\"in\": 1}", "{\"F\": [{\"out\": 2}]}");
        assertThat(result.eventTypes()).containsExactly(ExecutionStarted, PassStateEntered, PassStateExited, TaskStateEntered,
                TaskScheduled, TaskStarted, TaskSucceeded, TaskStateExited, SucceedStateEntered, SucceedStateExited,
                ExecutionSucceeded);
        List<HistoryEvent> events = result.history();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
        }
        assertThat(events).extracting(HistoryEvent::previousEventId).containsExactly(0L, 0L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(events.getFirst().details()).isEqualTo(json("""
                {"input": "{\\"in\\":1}", "inputDetails": {"truncated": false},
                 "roleArn": "arn:aws:iam::123456789012:role/LocalStateMachineRole"}
                """));
        assertThat(events.get(1).details()).isEqualTo(json(
                "{\"name\": \"Prepare\", \"input\": \"{\\\"in\\\":1}\", \"inputDetails\": {\"truncated\": false}}"));
        assertThat(events.getLast().detailJson("output")).isEqualTo(json("{\"out\": 2}"));
        assertThat(result.startDate()).isEqualTo(TestSupport.EPOCH);
        assertThat(result.stopDate()).isEqualTo(TestSupport.EPOCH);
    }

    @Test
    void apiShape_nestsTheDetailsUnderTheirAwsName() {
        HistoryEvent entered = TestSupport.run(PASS_TASK_SUCCEED, "{}", "{\"F\": [1]}").history().get(1);
        assertThat(entered.toJson()).isEqualTo(json("""
                {"timestamp": "2026-01-02T03:04:05.678Z", "type": "PassStateEntered", "id": 2, "previousEventId": 0,
                 "stateEnteredEventDetails": {"name": "Prepare", "input": "{}", "inputDetails": {"truncated": false}}}
                """));
    }

    @Test
    void caughtError_goesFromTaskFailedToTheCatcherTargetWithoutAnExit() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true,
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
                  "Recover": {"Type": "Pass", "End": true}}}
                """, "{}", "{\"F\": [{\"error\": \"E\", \"cause\": \"c\"}]}");
        assertThat(result.eventTypes()).containsExactly(ExecutionStarted, TaskStateEntered, LambdaFunctionScheduled,
                LambdaFunctionStarted, LambdaFunctionFailed, PassStateEntered, PassStateExited, ExecutionSucceeded);
        assertThat(result.output()).isEqualTo(json("{\"Error\": \"E\", \"Cause\": \"c\"}"));
    }

    @Test
    void failState_endsWithExecutionFailedCarryingErrorAndCause() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Nope", "Cause": "because"}}}
                """, "{}", "{}");
        assertThat(result.eventTypes()).containsExactly(ExecutionStarted, FailStateEntered, ExecutionFailed);
        assertThat(result.history().getLast().details()).isEqualTo(json("{\"error\": \"Nope\", \"cause\": \"because\"}"));
        assertThat(result.output()).isNull();
    }

    @Test
    void listener_seesEveryEventInOrder() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = TestSupport.engine(script("{\"F\": [1]}"))
                .listener((arn, event) -> seen.add(arn + " " + event.id() + " " + event.type()))
                .build().start(machine(PASS_TASK_SUCCEED), json("{}"), "watched");
        assertThat(seen).hasSize(result.history().size());
        assertThat(seen.getFirst()).isEqualTo(result.executionArn() + " 1 ExecutionStarted");
        assertThat(seen.getLast()).endsWith(" ExecutionSucceeded");
    }

    @Test
    void brokenListener_doesNotChangeTheRun() {
        ExecutionResult result = TestSupport.engine(script("{\"F\": [1]}"))
                .listener((arn, event) -> {
                    throw new IllegalStateException("display crashed");
                }).build().start(machine(PASS_TASK_SUCCEED), json("{}"));
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void historyLimit_failsTheExecutionLikeStepFunctions() {
        ExecutionResult result = TestSupport.engine(script("{}")).historyEventLimit(20).build().start(machine("""
                {"StartAt": "Loop", "States": {"Loop": {"Type": "Pass", "Next": "Loop"}}}
                """), json("{}"));
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.cause()).contains("maximum number of history events (20)");
        assertThat(result.history()).hasSize(21);
        assertThat(result.history().getLast().type()).isEqualTo(HistoryEventType.ExecutionFailed);
    }
}
