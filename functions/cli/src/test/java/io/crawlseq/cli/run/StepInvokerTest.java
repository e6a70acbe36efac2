package io.crawlseq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.engine.task.CancellationSignal;
import io.crawlseq.engine.task.TaskFailure;
import io.crawlseq.engine.task.TaskInvocation;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A command this build has no handler for (every registry command has one today) fails clearly. */
class StepInvokerTest {

    private static TaskInvocation invocationOf(String json) throws Exception {
        JsonNode payload = new ObjectMapper().readTree(json);
        return new TaskInvocation(TaskInvocation.LAMBDA_INVOKE, "Find hubs", "${EnsureCountryHubsFunctionArn}", payload,
                payload, 1, "arn:aws:states:local:execution:test:run-1", null, CancellationSignal.NEVER);
    }

    @Test
    void aCommandWithoutHandlerOrMock_failsNamingTheCommandAndTheWayAround_andIsRecorded() throws Exception {
        StepInvoker invoker = new StepInvoker(MockResults.none(), CommandDispatcher.none(), RunProgress.silent(),
                Clock.systemUTC());

        assertThatThrownBy(() -> invoker.invoke(invocationOf(
                "{\"command\": \"ensureCountryHubs\", \"stepId\": \"hubs\", \"args\": {}}")))
                .isInstanceOfSatisfying(TaskFailure.class, f -> {
                    assertThat(f.error()).isEqualTo(StepInvoker.NO_HANDLER);
                    assertThat(f.cause()).contains("'ensureCountryHubs'").contains("--mock-results");
                });
        assertThat(invoker.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.result().at("/error/type").asText()).isEqualTo(StepInvoker.NO_HANDLER);
        });
    }
}
