package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

/** InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath, and the context object. */
class DataFlowTest {

    private static final String NO_TASKS = "{}";

    @Test
    void pathsApplyInAwsOrder_resultPathAddsToTheRawInput() {
        ExecutionResult result = run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F",
                  "InputPath": "$.in", "Parameters": {"v.$": "$.v", "k": "const"},
                  "ResultSelector": {"picked.$": "$.out"}, "ResultPath": "$.res", "OutputPath": "$.res", "End": true}}}
                """, "{\"in\": {\"v\": 1}, \"other\": 2}", "{\"T\": [{\"out\": 9, \"noise\": true}]}");
        assertThat(result.output()).isEqualTo(json("{\"picked\": 9}"));
    }

    @Test
    void deepResultPath_createsMissingObjectsAndKeepsSiblings() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b.c", "End": true}}}
                """, "{\"a\": {\"keep\": true}}", NO_TASKS);
        assertThat(result.output()).isEqualTo(json("{\"a\": {\"keep\": true, \"b\": {\"c\": 1}}}"));
    }

    @Test
    void resultPathIntoAnArrayElement_replacesThatElement() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "x", "ResultPath": "$.list[1]", "End": true}}}
                """, "{\"list\": [1, 2, 3]}", NO_TASKS);
        assertThat(result.output()).isEqualTo(json("{\"list\": [1, \"x\", 3]}"));
    }

    @Test
    void nullPaths_discardOrEmptyAsAwsDocuments() {
        ExecutionResult result = run("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "Next": "B"},
                  "B": {"Type": "Pass", "InputPath": null, "ResultPath": "$.fromEmptyInput", "Next": "C"},
                  "C": {"Type": "Pass", "OutputPath": null, "End": true}}}
                """, "{\"x\": 1}", NO_TASKS);
        assertThat(result.output()).isEqualTo(json("{}"));
        assertThat(result.events(io.crawlseq.engine.history.HistoryEventType.PassStateExited))
                .extracting(event -> event.detailJson("output"))
                .containsExactly(json("{\"x\": 1}"), json("{\"x\": 1, \"fromEmptyInput\": {}}"), json("{}"));
    }

    @Test
    void resultPathOnANonObjectInput_isAResultPathMatchFailureThatCanBeCaught() {
        ExecutionResult result = run("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:F", "ResultPath": "$.r", "Next": "Done",
                        "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "ResultPath": null, "Next": "Caught"}]},
                  "Done": {"Type": "Succeed"},
                  "Caught": {"Type": "Pass", "Result": "caught", "End": true}}}
                """, "\"just a string\"", "{\"F\": [1]}");
        assertThat(result.output()).isEqualTo(json("\"caught\""));
    }

    @Test
    void inputPathFindingNothing_failsWithStatesRuntimeAndAwsWording() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.missing", "End": true}}}
                """, "{\"x\": 1}", NO_TASKS);
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "Invalid path '$.missing' : No results for path: $['missing']");
    }

    @Test
    void parametersPathFindingNothing_failsWithTheFieldAndInputInTheCause() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"address.$": "$.application.address"}, "End": true}}}
                """, "{\"flagged\": false}", NO_TASKS);
        assertThat(result.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input "
                + "'{\"flagged\":false}'");
    }

    @Test
    void failingIntrinsic_isStatesRuntimeNamingTheWholeExpression() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"v.$": "States.Format('{}', $.nope)"}, "End": true}}}
                """, "{\"other\": 1}", NO_TASKS);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field "
                + "'$.nope' could not be found in the input '{\"other\":1}'");
    }

    @Test
    void contextObject_exposesExecutionStateMachineAndStateFields() {
        ExecutionResult result = TestSupport.engine(TestSupport.script("{}")).roleArn("arn:aws:iam::1:role/R").region("eu-west-1")
                .accountId("111122223333").build().start(TestSupport.machine("""
                        {"StartAt": "Ctx", "States": {"Ctx": {"Type": "Pass", "Parameters": {
                          "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
                          "start.$": "$$.Execution.StartTime", "role.$": "$$.Execution.RoleArn",
                          "machine.$": "$$.StateMachine.Id", "machineName.$": "$$.StateMachine.Name",
                          "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime", "retries.$": "$$.State.RetryCount"},
                          "End": true}}}
                        """), json("{\"a\": 1}"), "exec-1", "Crawl");
        assertThat(result.output()).isEqualTo(json("""
                {"id": "arn:aws:states:eu-west-1:111122223333:execution:Crawl:exec-1", "name": "exec-1", "input": {"a": 1},
                 "start": "2026-01-02T03:04:05.678Z", "role": "arn:aws:iam::1:role/R",
                 "machine": "arn:aws:states:eu-west-1:111122223333:stateMachine:Crawl", "machineName": "Crawl",
                 "state": "Ctx", "entered": "2026-01-02T03:04:05.678Z", "retries": 0}
                """));
        assertThat(result.executionArn()).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:Crawl:exec-1");
    }

    @Test
    void mapItemContext_isOnlyThereForTheItemSelector() {
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
                  "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value"},
                  "ItemProcessor": {"StartAt": "Look", "States": {"Look": {"Type": "Pass",
                     "Parameters": {"copy.$": "$", "mapIsGone.$": "States.ArrayLength($$..Item)"}, "End": true}}},
                  "End": true}}}
                """, "[\"a\", \"b\"]", NO_TASKS);
        assertThat(result.output()).isEqualTo(json("""
                [{"copy": {"i": 0, "v": "a"}, "mapIsGone": 0}, {"copy": {"i": 1, "v": "b"}, "mapIsGone": 0}]
                """));
    }

    @Test
    void passResult_winsOverParametersAndIsTakenAsWritten() {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"ignored.$": "$"}, "Result": {"x.$": "not a path here"}, "End": true}}}
                """, "{}", NO_TASKS);
        assertThat(result.output()).isEqualTo(json("{\"x.$\": \"not a path here\"}"));
    }

    @Test
    void templatesBuildFreshValues_theInputIsNeverModified() {
        JsonNode input = json("{\"a\": {\"b\": 1}}");
        String before = input.toString();
        TestSupport.engine(TestSupport.script("{}")).build().start(TestSupport.machine("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 2, "ResultPath": "$.a.c", "Next": "Q"},
                  "Q": {"Type": "Pass", "Result": 3, "ResultPath": "$.a.b", "End": true}}}
                """), input, "immutability");
        assertThat(input).hasToString(before);
    }
}
