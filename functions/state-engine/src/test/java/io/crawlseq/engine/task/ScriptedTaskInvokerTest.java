package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptedTaskInvokerTest {

    private static TaskInvocation call(String state, String function, JsonNode payload) {
        return new TaskInvocation(TaskInvocation.LAMBDA_INVOKE, state, function, payload, payload, 1, "arn", null,
                CancellationSignal.NEVER);
    }

    @Test
    void resultsComeInOrder_stateNameBeforeFunctionNameBeforeFunctionKey() throws Exception {
        ScriptedTaskInvoker invoker = new ScriptedTaskInvoker(json("""
                {"Special": ["by state"], "${FetchFunctionArn}": ["by name 1", "by name 2"], "Other": ["by key"]}
                """));
        assertThat(invoker.invoke(call("Special", "${FetchFunctionArn}", json("{}")))).isEqualTo(json("\"by state\""));
        assertThat(invoker.invoke(call("A", "${FetchFunctionArn}", json("{}")))).isEqualTo(json("\"by name 1\""));
        assertThat(invoker.invoke(call("B", "${FetchFunctionArn}", json("{}")))).isEqualTo(json("\"by name 2\""));
        assertThat(invoker.invoke(call("C", "arn:aws:lambda:us-east-1:1:function:Other", json("{}")))).isEqualTo(json("\"by key\""));
        assertThat(invoker.invocations()).extracting(ScriptedTaskInvoker.Invocation::stateName).containsExactly("Special", "A", "B", "C");
    }

    @Test
    void markers_failEchoReturnLiterallyAndRunOut() throws Exception {
        ScriptedTaskInvoker invoker = new ScriptedTaskInvoker(json("""
                {"F": [{"error": "Boom", "cause": "why"}, {"$echo": true}, {"$result": {"error": "not a failure", "extra": 1}},
                       {"error": "NoCause"}]}
                """));
        assertThatThrownBy(() -> invoker.invoke(call("S", "F", json("1"))))
                .isInstanceOfSatisfying(TaskFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo("Boom");
                    assertThat(failure.cause()).isEqualTo("why");
                });
        assertThat(invoker.invoke(call("S", "F", json("{\"p\": 2}")))).isEqualTo(json("{\"p\": 2}"));
        assertThat(invoker.invoke(call("S", "F", json("3")))).isEqualTo(json("{\"error\": \"not a failure\", \"extra\": 1}"));
        assertThatThrownBy(() -> invoker.invoke(call("S", "F", json("4"))))
                .isInstanceOfSatisfying(TaskFailure.class, failure -> assertThat(failure.cause()).isNull());
        assertThatThrownBy(() -> invoker.invoke(call("S", "F", json("5"))))
                .isInstanceOfSatisfying(TaskFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo("ScriptExhausted");
                    assertThat(failure.cause()).isEqualTo("No scripted result left for state 'S' (function 'F')");
                });
    }

    @Test
    void hang_blocksUntilCancelled() {
        ScriptedTaskInvoker invoker = new ScriptedTaskInvoker(json("{\"F\": [{\"$hang\": true}]}"));
        CancellationSignal alreadyCancelled = new CancellationSignal() {
            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public boolean await(Duration timeout) {
                return true;
            }
        };
        TaskInvocation invocation = new TaskInvocation("r", "S", "F", json("{}"), json("{}"), 1, "arn", null, alreadyCancelled);
        assertThatThrownBy(() -> invoker.invoke(invocation)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void customKeys_scriptCallsByWhatThePayloadSays() throws Exception {
        ScriptedTaskInvoker invoker = new ScriptedTaskInvoker(json("{\"hubs\": [\"by step id\"], \"crawl\": [\"by command\"]}"),
                invocation -> java.util.List.of(invocation.payload().path("stepId").asText(), invocation.payload().path("command").asText()));
        assertThat(invoker.invoke(call("S1", "F", json("{\"stepId\": \"hubs\", \"command\": \"discover\"}"))))
                .isEqualTo(json("\"by step id\""));
        assertThat(invoker.invoke(call("S2", "F", json("{\"stepId\": \"other\", \"command\": \"crawl\"}"))))
                .isEqualTo(json("\"by command\""));
    }

    @Test
    void malformedScript_isRejected() {
        assertThatThrownBy(() -> new ScriptedTaskInvoker(json("{\"F\": 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an array");
    }
}
