package io.crawlseq.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InProcessFunctionTest {

    private static final FunctionSpec FUNCTION = FunctionSpec.of("crawlseq-Echo", "eu-west-1", "123456789012", 256, 60);

    @Test
    void invoke_passesEventBytesAndAContextLikeLambdas() throws Exception {
        RequestStreamHandler echo = (in, out, context) -> {
            ObjectNode response = LambdaJson.object();
            response.set("event", LambdaJson.read(in));
            response.put("function", context.getFunctionName());
            response.put("arn", context.getInvokedFunctionArn());
            response.put("remainingMs", context.getRemainingTimeInMillis());
            LambdaJson.write(out, response);
        };

        JsonNode response = new InProcessFunction(FUNCTION, echo).invoke(LambdaJson.parse("{\"a\": [1, 2]}"));

        assertThat(response.at("/event/a/1").asInt()).isEqualTo(2);
        assertThat(response.path("function").asText()).isEqualTo("crawlseq-Echo");
        assertThat(response.path("arn").asText()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:crawlseq-Echo");
        assertThat(response.path("remainingMs").asInt()).isBetween(1, 60_000);
    }

    @Test
    void invoke_letsTheHandlersExceptionOutAsTheFunctionError() {
        RequestStreamHandler failing = (in, out, context) -> {
            throw new IllegalStateException("table missing");
        };

        assertThatThrownBy(() -> new InProcessFunction(FUNCTION, failing).invoke(LambdaJson.object()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void functionSpec_refusesNamesLambdaWouldRefuse() {
        assertThatThrownBy(() -> FunctionSpec.of("has space", "us-east-1", "1", 128, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
