package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.history.HistoryEventType;
import io.crawlseq.engine.task.TaskFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.machine;
import static io.crawlseq.engine.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;

class MapAndParallelTest {

    private static String mapOver(int maxConcurrency) {
        return """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %d,
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                     "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}},
                  "End": true}}}
                """.formatted(maxConcurrency);
    }

    private static JsonNode items(int count) {
        StringBuilder out = new StringBuilder("{\"items\": [");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(i);
        }
        return json(out.append("]}").toString());
    }

    @Test
    void concurrentIterations_runTogetherButTheOutputKeepsItemOrder() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(3);
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            allStarted.countDown();
            // Each call waits until all three are in flight: this only finishes if they run at once.
            if (!allStarted.await(30, TimeUnit.SECONDS)) {
                throw new TaskFailure("NotConcurrent", "the iterations did not overlap");
            }
            return json("\"r" + invocation.payload().asInt() + "\"");
        }).build();
        ExecutionResult result = engine.start(machine(mapOver(3)), items(3));
        assertThat(result.output()).isEqualTo(json("[\"r0\", \"r1\", \"r2\"]"));
    }

    @Test
    void maxConcurrency_boundsTheCallsInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // Calls meet in pairs, so two are always in flight together; a third would show in highest.
                pairs.await(30, TimeUnit.SECONDS);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new TaskFailure("Barrier", e.toString());
            } finally {
                inFlight.decrementAndGet();
            }
            return invocation.payload();
        }).build();
        ExecutionResult result = engine.start(machine(mapOver(2)), items(40));
        assertThat(result.output()).hasSize(40);
        assertThat(highest.get()).isEqualTo(2);
    }

    @Test
    void mapHistory_hasStartedIterationAndSucceededEventsNamingTheIndex() {
        ExecutionResult result = TestSupport.engine(script("{\"F\": [\"a\", \"b\"]}")).build().start(machine(mapOver(1)), items(2));
        assertThat(result.eventTypes()).containsExactly(
                HistoryEventType.ExecutionStarted, HistoryEventType.MapStateEntered, HistoryEventType.MapStateStarted,
                HistoryEventType.MapIterationStarted, HistoryEventType.TaskStateEntered, HistoryEventType.LambdaFunctionScheduled,
                HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionSucceeded, HistoryEventType.TaskStateExited,
                HistoryEventType.MapIterationSucceeded,
                HistoryEventType.MapIterationStarted, HistoryEventType.TaskStateEntered, HistoryEventType.LambdaFunctionScheduled,
                HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionSucceeded, HistoryEventType.TaskStateExited,
                HistoryEventType.MapIterationSucceeded,
                HistoryEventType.MapStateSucceeded, HistoryEventType.MapStateExited, HistoryEventType.ExecutionSucceeded);
        assertThat(result.events(HistoryEventType.MapStateStarted).getFirst().details()).isEqualTo(json("{\"length\": 2}"));
        assertThat(result.events(HistoryEventType.MapIterationSucceeded)).extracting(event -> (JsonNode) event.details())
                .containsExactly(json("{\"name\": \"M\", \"index\": 0}"), json("{\"name\": \"M\", \"index\": 1}"));
    }

    @Test
    void failingIteration_failsTheMapWithItsErrorAndAbortsTheOthers() {
        CountDownLatch othersWaiting = new CountDownLatch(2);
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            if (invocation.payload().asInt() == 0) {
                // Fail only once the two other iterations are in flight, so they have something to abort.
                othersWaiting.await(30, TimeUnit.SECONDS);
                throw new TaskFailure("ItemBroken", "item 0");
            }
            othersWaiting.countDown();
            invocation.cancellation().await(Duration.ofSeconds(30));
            return json("\"late\"");
        }).build();
        ExecutionResult result = engine.start(machine(mapOver(3)), items(3));
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("ItemBroken");
        assertThat(result.events(HistoryEventType.MapIterationFailed)).hasSize(1);
        assertThat(result.events(HistoryEventType.MapIterationAborted)).hasSize(2);
        assertThat(result.eventTypes()).contains(HistoryEventType.MapStateFailed).doesNotContain(HistoryEventType.MapStateSucceeded);
    }

    @Test
    void toleratedFailures_keepTheMapSuccessfulUpToTheThreshold() {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "ToleratedFailureCount": 1,
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}},
                  "End": true}}}
                """;
        ExecutionResult tolerated = TestSupport.run(definition, "[1, 2, 3]",
                "{\"F\": [\"ok\", {\"error\": \"E\", \"cause\": \"one\"}, \"ok\"]}");
        assertThat(tolerated.output()).isEqualTo(json("[\"ok\", {\"Error\": \"E\", \"Cause\": \"one\"}, \"ok\"]"));

        ExecutionResult exceeded = TestSupport.run(definition, "[1, 2, 3]",
                "{\"F\": [{\"error\": \"E\", \"cause\": \"1\"}, {\"error\": \"E\", \"cause\": \"2\"}, \"ok\"]}");
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void itemsPathNotAnArray_isStatesRuntime() {
        ExecutionResult result = TestSupport.run(mapOver(1), "{\"items\": {\"not\": \"a list\"}}", "{}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("The value at ItemsPath '$.items' must be an array");
    }

    @Test
    void emptyItems_giveAnEmptyArray() {
        ExecutionResult result = TestSupport.run(mapOver(0), "{\"items\": []}", "{}");
        assertThat(result.output()).isEqualTo(json("[]"));
    }

    @Test
    void maxConcurrencyPath_readsTheLimitFromTheInput() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            inFlight.decrementAndGet();
            return invocation.payload();
        }).build();
        engine.start(machine("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrencyPath": "$.limit",
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}},
                  "End": true}}}
                """), json("{\"limit\": 1, \"items\": [1, 2, 3, 4, 5, 6, 7, 8]}"));
        assertThat(highest.get()).isEqualTo(1);
    }

    @Test
    void mapRetry_rerunsAllIterations() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "Retry": [{"ErrorEquals": ["E"]}],
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}},
                  "End": true}}}
                """, "[1, 2]", "{\"F\": [\"a\", {\"error\": \"E\", \"cause\": \"x\"}, \"c\", \"d\"]}");
        assertThat(result.output()).isEqualTo(json("[\"c\", \"d\"]"));
    }

    @Test
    void parallel_runsBranchesTogetherAndOutputsThemInBranchOrder() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            bothStarted.countDown();
            if (!bothStarted.await(30, TimeUnit.SECONDS)) {
                throw new TaskFailure("NotConcurrent", "the branches did not overlap");
            }
            return json("\"" + invocation.stateName() + "\"");
        }).build();
        ExecutionResult result = engine.start(machine("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Parameters": {"shared.$": "$.v"}, "ResultPath": "$.both", "End": true,
                  "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}}]}}}
                """), json("{\"v\": 1}"));
        assertThat(result.output()).isEqualTo(json("{\"v\": 1, \"both\": [\"A\", \"B\"]}"));
        assertThat(result.eventTypes()).containsSubsequence(HistoryEventType.ParallelStateEntered, HistoryEventType.ParallelStateStarted,
                HistoryEventType.ParallelStateSucceeded, HistoryEventType.ParallelStateExited);
    }

    @Test
    void parallelBranchFailure_failsTheParallelWithTheBranchError() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                    {"StartAt": "No", "States": {"No": {"Type": "Fail", "Error": "Broken", "Cause": "branch 2"}}}]}}}
                """, "{}", "{}");
        assertThat(result.error()).isEqualTo("Broken");
        assertThat(result.cause()).isEqualTo("branch 2");
        assertThat(result.eventTypes()).contains(HistoryEventType.ParallelStateFailed, HistoryEventType.FailStateEntered);
    }
}
