package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionRouterTest {

    private static TaskInvocation call(String functionName, JsonNode payload) {
        return new TaskInvocation(TaskInvocation.LAMBDA_INVOKE, "S", functionName, payload, payload, 1, "arn", null,
                CancellationSignal.NEVER);
    }

    @ParameterizedTest
    @CsvSource({
            "${EnsureCountryHubsFunctionArn}, EnsureCountryHubsFunctionArn",
            "arn:aws:lambda:us-east-1:123456789012:function:crawl-Fetch-1A2B, crawl-Fetch-1A2B",
            "arn:aws:lambda:us-east-1:123456789012:function:Fetch:live, Fetch",
            "123456789012:function:Fetch, Fetch",
            "Fetch:7, Fetch",
            "Fetch, Fetch",
    })
    void functionKey_normalisesNamesArnsAndPlaceholders(String nameOrArn, String key) {
        assertThat(FunctionRouter.functionKey(nameOrArn)).isEqualTo(key);
    }

    @Test
    void route_findsTheHandlerWhicheverFormTheDefinitionUses() throws Exception {
        FunctionRouter router = FunctionRouter.builder()
                .route("arn:aws:lambda:eu-west-1:1:function:Fetch", (payload, invocation) -> json("{\"fetched\": " + payload + "}"))
                .build();
        assertThat(router.invoke(call("Fetch", json("1")))).isEqualTo(json("{\"fetched\": 1}"));
        assertThat(router.invoke(call("${Fetch}", json("2")))).isEqualTo(json("{\"fetched\": 2}"));
    }

    @Test
    void unknownFunction_failsAsLambdaWouldAndListsTheKnownOnes() {
        FunctionRouter router = FunctionRouter.builder().route("A", (payload, invocation) -> payload)
                .route("B", (payload, invocation) -> payload).build();
        assertThatThrownBy(() -> router.invoke(call("${CFunctionArn}", json("{}"))))
                .isInstanceOfSatisfying(TaskFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo("Lambda.ResourceNotFoundException");
                    assertThat(failure.cause()).contains("'CFunctionArn'").contains("known: A, B");
                });
    }

    @Test
    void duplicateRoute_isABug() {
        assertThatThrownBy(() -> FunctionRouter.builder().route("A", (p, i) -> p).route("${A}", (p, i) -> p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already routed for 'A'");
    }
}
