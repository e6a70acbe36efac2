package io.crawlseq.engine;

import org.junit.jupiter.api.Test;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

    @Test
    void passTaskChoiceMap_runToTheExpectedOutput() {
        String definition = """
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Result": {"items": [1, 2, 3]}, "ResultPath": "$.data", "Next": "Call"},
                  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "Fn", "Payload": {"n.$": "States.ArrayLength($.data.items)"}},
                           "ResultSelector": {"value.$": "$.Payload.value"}, "ResultPath": "$.call", "Next": "Decide"},
                  "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.call.value", "NumericGreaterThan": 2, "Next": "Each"}],
                             "Default": "Done"},
                  "Each": {"Type": "Map", "ItemsPath": "$.data.items", "MaxConcurrency": 2,
                           "ItemProcessor": {"StartAt": "Double", "States": {
                             "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
                           "ResultPath": "$.doubled", "Next": "Done"},
                  "Done": {"Type": "Succeed"}}}
                """;
        ExecutionResult result = TestSupport.run(definition, "{}", "{\"Fn\": [{\"value\": 3}]}");
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("""
                {"data": {"items": [1, 2, 3]}, "call": {"value": 3}, "doubled": [{"v": 2}, {"v": 4}, {"v": 6}]}
                """));
    }
}
