package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;
import io.crawlseq.engine.task.FunctionError;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.engine.task.ScriptedTaskInvoker;
import io.crawlseq.engine.task.TaskFailure;
import io.crawlseq.engine.task.TaskInvocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.machine;
import static io.crawlseq.engine.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;

class TaskStateTest {

    private static final String LAMBDA_TASK = """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "${CrawlFunctionArn}", "Payload": {"url.$": "$.url"}, "InvocationType": "RequestResponse"},
              "End": true}}}
            """;

    @Test
    void lambdaInvoke_passesFunctionNameAndPayloadAndWrapsTheResult() {
        List<TaskInvocation> calls = Collections.synchronizedList(new ArrayList<>());
        LocalEngine engine = LocalEngine.builder().taskInvoker(invocation -> {
            calls.add(invocation);
            return json("{\"pages\": 2}");
        }).build();

        ExecutionResult result = engine.start(machine(LAMBDA_TASK), json("{\"url\": \"https://a\"}"), "e1");

        assertThat(result.output()).isEqualTo(json("{\"ExecutedVersion\": \"$LATEST\", \"Payload\": {\"pages\": 2}, \"StatusCode\": 200}"));
        TaskInvocation call = calls.getFirst();
        assertThat(call.isLambdaInvoke()).isTrue();
        assertThat(call.functionName()).isEqualTo("${CrawlFunctionArn}");
        assertThat(call.payload()).isEqualTo(json("{\"url\": \"https://a\"}"));
        assertThat(call.parameters().path("InvocationType").asText()).isEqualTo("RequestResponse");
        assertThat(call.attempt()).isEqualTo(1);
        assertThat(call.stateName()).isEqualTo("Call");
        assertThat(call.deadline()).isNull();
        assertThat(call.executionArn()).endsWith(":execution:LocalStateMachine:e1");
    }

    @Test
    void lambdaInvoke_recordsTaskEventsWithServiceDetails() {
        ExecutionResult result = TestSupport.engine(script("{\"Call\": [{\"ok\": true}]}")).build()
                .start(machine(LAMBDA_TASK), json("{\"url\": \"u\"}"), "e");
        HistoryEvent scheduled = result.events(HistoryEventType.TaskScheduled).getFirst();
        assertThat(scheduled.details()).isEqualTo(json("""
                {"resourceType": "lambda", "resource": "invoke", "region": "us-east-1",
                 "parameters": "{\\"FunctionName\\":\\"${CrawlFunctionArn}\\",\\"Payload\\":{\\"url\\":\\"u\\"},\\"InvocationType\\":\\"RequestResponse\\"}"}
                """));
        assertThat(result.events(HistoryEventType.TaskSucceeded).getFirst().detailJson("output"))
                .isEqualTo(json("{\"ExecutedVersion\": \"$LATEST\", \"Payload\": {\"ok\": true}, \"StatusCode\": 200}"));
    }

    @Test
    void bareLambdaArn_getsTheEffectiveInputAndReturnsTheResultAsIs() {
        String definition = """
                {"StartAt": "F", "States": {"F": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Fetch:live",
                  "Parameters": {"u.$": "$.url"}, "TimeoutSeconds": 30, "End": true}}}
                """;
        ScriptedTaskInvoker invoker = script("{\"Fetch\": [[1, 2]]}");
        ExecutionResult result = TestSupport.engine(invoker).build().start(machine(definition), json("{\"url\": \"x\"}"), "e");
        assertThat(result.output()).isEqualTo(json("[1, 2]"));
        assertThat(invoker.invocations()).singleElement().satisfies(call -> {
            assertThat(call.functionName()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Fetch:live");
            assertThat(call.payload()).isEqualTo(json("{\"u\": \"x\"}"));
        });
        assertThat(result.eventTypes()).containsSubsequence(HistoryEventType.LambdaFunctionScheduled,
                HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionSucceeded);
        assertThat(result.events(HistoryEventType.LambdaFunctionScheduled).getFirst().details().path("timeoutInSeconds").asInt())
                .isEqualTo(30);
    }

    @Test
    void taskFailure_surfacesWithTheErrorAndCauseTheHandlerGave() {
        ExecutionResult result = TestSupport.run(LAMBDA_TASK, "{\"url\": \"u\"}",
                "{\"Call\": [{\"error\": \"Lambda.TooManyRequestsException\", \"cause\": \"Rate exceeded\"}]}");
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(result.cause()).isEqualTo("Rate exceeded");
        assertThat(result.events(HistoryEventType.TaskFailed).getFirst().details()).isEqualTo(json("""
                {"resourceType": "lambda", "resource": "invoke", "error": "Lambda.TooManyRequestsException", "cause": "Rate exceeded"}
                """));
    }

    @Test
    void lambdaInvokeWithoutFunctionName_isStatesRuntime() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"Payload": {}}, "End": true}}}
                """, "{}", "{}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("need a FunctionName string");
    }

    @Test
    void functionRouter_mapsPlaceholdersToHandlersAndReportsUnknownFunctions() {
        FunctionRouter router = FunctionRouter.builder()
                .route("CrawlFunctionArn", (payload, invocation) -> json("{\"got\": " + payload + "}"))
                .build();
        LocalEngine engine = LocalEngine.builder().taskInvoker(router).build();
        assertThat(engine.start(machine(LAMBDA_TASK), json("{\"url\": \"u\"}")).output().path("Payload"))
                .isEqualTo(json("{\"got\": {\"url\": \"u\"}}"));

        ExecutionResult unknown = engine.start(machine(LAMBDA_TASK.replace("${CrawlFunctionArn}", "arn:aws:lambda:us-east-1:1:function:Other")),
                json("{\"url\": \"u\"}"));
        assertThat(unknown.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(unknown.cause()).contains("no in-process handler is registered for 'Other'; known: CrawlFunctionArn");
    }

    @Test
    void handlerExceptions_failLikeLambdaFunctionErrors() {
        LocalEngine engine = LocalEngine.builder().taskInvoker(FunctionRouter.builder()
                .route("${CrawlFunctionArn}", (payload, invocation) -> {
                    throw new FunctionError("CrawlBlocked", "robots.txt disallows /");
                }).build()).build();
        ExecutionResult result = engine.start(machine(LAMBDA_TASK), json("{\"url\": \"u\"}"));
        assertThat(result.error()).isEqualTo("CrawlBlocked");
        assertThat(json(result.cause())).isEqualTo(json(
                "{\"errorMessage\": \"robots.txt disallows /\", \"errorType\": \"CrawlBlocked\", \"stackTrace\": []}"));

        LocalEngine throwing = LocalEngine.builder().taskInvoker(FunctionRouter.builder()
                .route("CrawlFunctionArn", (payload, invocation) -> {
                    throw new IllegalStateException("bug");
                }).build()).build();
        assertThat(throwing.start(machine(LAMBDA_TASK), json("{\"url\": \"u\"}")).error()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void retryDelays_followIntervalBackoffAndMaxDelay() {
        RecordingSleeper sleeper = new RecordingSleeper();
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true,
                  "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 3, "BackoffRate": 2.5, "MaxAttempts": 4, "MaxDelaySeconds": 20}]}}}
                """;
        ExecutionResult result = TestSupport.engine(script("{\"F\": [" + "{\"error\": \"E\", \"cause\": \"c\"},".repeat(4) + "\"ok\"]}"))
                .delayScale(1).sleeper(sleeper).build().start(machine(definition), json("{}"));
        assertThat(result.output()).isEqualTo(json("\"ok\""));
        assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(7500),
                Duration.ofMillis(18750), Duration.ofSeconds(20));
    }

    @Test
    void delayScale_shrinksRetryPauses() {
        RecordingSleeper sleeper = new RecordingSleeper();
        TestSupport.engine(script("{\"F\": [{\"error\": \"E\", \"cause\": \"c\"}, 1]}")).delayScale(0.01).sleeper(sleeper).build()
                .start(machine("""
                        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true,
                          "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 10}]}}}
                        """), json("{}"));
        assertThat(sleeper.pauses()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void fullJitter_drawsPausesBelowTheBackoffFromTheSeededRandom() {
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true,
                  "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 4, "MaxAttempts": 3, "JitterStrategy": "FULL"}]}}}
                """;
        String answers = "{\"F\": [" + "{\"error\": \"E\", \"cause\": \"c\"},".repeat(3) + "\"ok\"]}";
        RecordingSleeper first = new RecordingSleeper();
        RecordingSleeper second = new RecordingSleeper();
        TestSupport.engine(script(answers)).delayScale(1).sleeper(first).seed(11).build().start(machine(definition), json("{}"));
        TestSupport.engine(script(answers)).delayScale(1).sleeper(second).seed(11).build().start(machine(definition), json("{}"));
        assertThat(first.pauses()).hasSize(3).isEqualTo(second.pauses());
        List<Duration> caps = List.of(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        for (int i = 0; i < 3; i++) {
            assertThat(first.pauses().get(i)).isBetween(Duration.ZERO, caps.get(i));
        }
    }

    @Test
    void retryCount_isVisibleInTheContextObjectAndTheAttemptNumber() {
        List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            attempts.add(invocation.attempt());
            if (invocation.payload().path("retry").asInt() < 2) {
                throw new TaskFailure("E", "again");
            }
            return invocation.payload();
        }).build();
        ExecutionResult result = engine.start(machine("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F",
                  "Parameters": {"retry.$": "$$.State.RetryCount"}, "Retry": [{"ErrorEquals": ["E"]}], "End": true}}}
                """), json("{}"));
        assertThat(result.output()).isEqualTo(json("{\"retry\": 2}"));
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void statesRuntime_isNeitherRetriedNorCaughtByStatesAll() {
        ScriptedTaskInvoker invoker = script("{\"F\": [1, 1]}");
        ExecutionResult result = TestSupport.engine(invoker).build().start(machine("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "OutputPath": "$.missing", "End": true,
                        "Retry": [{"ErrorEquals": ["States.ALL"]}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}]},
                  "C": {"Type": "Succeed"}}}
                """), json("{}"));
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(invoker.invocations()).hasSize(1);
    }

    @Test
    void statesTaskFailed_doesNotMatchTimeouts() {
        ExecutionResult result = TestSupport.engine(script("{\"F\": [{\"$hang\": true}]}")).timeoutScale(0.001).build()
                .start(machine("""
                        {"StartAt": "T", "States": {
                          "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "TimeoutSeconds": 5, "End": true,
                                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "C"}]},
                          "C": {"Type": "Succeed"}}}
                        """), json("{}"));
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(result.eventTypes()).contains(HistoryEventType.LambdaFunctionTimedOut).doesNotContain(HistoryEventType.LambdaFunctionFailed);
    }

    @Test
    void timeout_cancelsTheHangingCallAndRetriesWithAFreshDeadline() {
        List<TaskInvocation> calls = Collections.synchronizedList(new ArrayList<>());
        LocalEngine engine = TestSupport.engine(script("{}")).timeoutScale(0.001).taskInvoker(invocation -> {
            calls.add(invocation);
            if (invocation.attempt() == 1) {
                invocation.cancellation().await(null);
                throw new InterruptedException("cancelled");
            }
            return json("\"second try\"");
        }).build();
        ExecutionResult result = engine.start(machine("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F",
                  "TimeoutSecondsPath": "$.timeout", "Retry": [{"ErrorEquals": ["States.Timeout"]}], "End": true}}}
                """), json("{\"timeout\": 10}"));
        assertThat(result.output()).isEqualTo(json("\"second try\""));
        assertThat(calls.getFirst().cancellation().isCancelled()).isTrue();
        assertThat(calls).extracting(TaskInvocation::deadline).doesNotContainNull();
        assertThat(result.eventTypes()).containsSubsequence(HistoryEventType.LambdaFunctionTimedOut,
                HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionSucceeded);
    }

    @Test
    void timeoutSecondsPathBelowOne_isStatesRuntime() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F",
                  "TimeoutSecondsPath": "$.t", "End": true}}}
                """, "{\"t\": 0}", "{\"F\": [1]}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("must be an integer of at least 1, not 0");
    }

    @Test
    void resultAbovePayloadLimit_failsWithDataLimitExceededWhichStatesAllDoesNotCatch() {
        JsonNode big = json("\"" + "x".repeat(300) + "\"");
        ExecutionResult result = TestSupport.engine(new ScriptedTaskInvoker(json("{\"F\": [" + big + "]}"))).payloadLimitBytes(256).build()
                .start(machine("""
                        {"StartAt": "T", "States": {
                          "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true,
                                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}]},
                          "C": {"Type": "Succeed"}}}
                        """), json("{}"));
        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(result.cause()).contains("larger than 256 bytes");
    }
}
