package io.crawlseq.engine;

import io.crawlseq.engine.history.HistoryEventType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.machine;
import static io.crawlseq.engine.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionControlTest {

    private static final String ONE_TASK = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "End": true}}}
            """;

    @Test
    void asyncExecution_canBeDescribedWhileRunningAndStopped() throws Exception {
        CountDownLatch taskRunning = new CountDownLatch(1);
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> {
            taskRunning.countDown();
            invocation.cancellation().await(null);
            throw new InterruptedException("stopped");
        }).build();

        ExecutionHandle handle = engine.startAsync(machine(ONE_TASK), json("{}"), "async-1", "Crawler");
        assertThat(taskRunning.await(30, TimeUnit.SECONDS)).isTrue();
        ExecutionResult running = handle.describe();
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.stopDate()).isNull();
        assertThat(running.eventTypes()).contains(HistoryEventType.LambdaFunctionStarted);

        handle.stop("User.Cancelled", "changed my mind");
        ExecutionResult stopped = handle.await();
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("User.Cancelled");
        assertThat(stopped.cause()).isEqualTo("changed my mind");
        assertThat(stopped.history().getLast().type()).isEqualTo(HistoryEventType.ExecutionAborted);
        assertThat(handle.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(handle.executionArn()).endsWith(":execution:Crawler:async-1");
    }

    @Test
    void stoppingDuringAWait_endsThePauseAtOnce() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        LocalEngine engine = LocalEngine.builder().listener((arn, event) -> {
            if (event.type() == HistoryEventType.WaitStateEntered) {
                waiting.countDown();
            }
        }).build();
        ExecutionHandle handle = engine.startAsync(machine("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}
                """), json("{}"), null, null);
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        handle.stop(null, null);
        assertThat(handle.await().status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void machineTimeout_endsTheExecutionTimedOut() {
        ExecutionResult result = TestSupport.engine(script("{\"F\": [{\"$hang\": true}]}")).timeoutScale(0.01).build()
                .start(machine("{\"TimeoutSeconds\": 2," + ONE_TASK.strip().substring(1)), json("{}"));
        assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(result.history().getLast().type()).isEqualTo(HistoryEventType.ExecutionTimedOut);
    }

    @Test
    void machineTimeout_doesNotWaitForAHandlerThatIgnoresCancellation() {
        CountDownLatch release = new CountDownLatch(1);
        LocalEngine engine = TestSupport.engine(script("{}")).timeoutScale(0.01).taskInvoker(invocation -> {
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(1, TimeUnit.HOURS);
                } catch (InterruptedException ignored) {
                    // deliberately deaf to cancellation
                }
            }
            return json("\"too late\"");
        }).build();
        try {
            ExecutionResult result = engine.start(machine("{\"TimeoutSeconds\": 2," + ONE_TASK.strip().substring(1)), json("{}"));
            assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        } finally {
            release.countDown();
        }
    }

    @Test
    void executionName_mustFollowAwsRules() {
        LocalEngine engine = LocalEngine.builder().build();
        assertThatThrownBy(() -> engine.start(machine(ONE_TASK), json("{}"), "has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 80 characters");
    }

    @Test
    void engineWithoutInvoker_failsTasksWithAClearMessage() {
        ExecutionResult result = LocalEngine.builder().build().start(machine(ONE_TASK), json("{}"));
        assertThat(result.error()).isEqualTo("Lambda.ServiceException");
        assertThat(result.cause()).contains("No task invoker is configured");
    }

    @Test
    void concurrentExecutions_onOneEngineStayIndependent() throws Exception {
        LocalEngine engine = TestSupport.engine(script("{}")).taskInvoker(invocation -> invocation.payload()).build();
        var first = engine.startAsync(machine(ONE_TASK), json("{\"n\": 1}"), "one", null);
        var second = engine.startAsync(machine(ONE_TASK), json("{\"n\": 2}"), "two", null);
        assertThat(first.await().output()).isEqualTo(json("{\"n\": 1}"));
        assertThat(second.await().output()).isEqualTo(json("{\"n\": 2}"));
    }
}
