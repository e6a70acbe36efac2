package io.crawlseq.engine.asl;

import io.crawlseq.engine.asl.DefinitionProblem.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AslParserTest {

    private static List<DefinitionProblem> problems(String definition) {
        ParseResult result = AslParser.parse(definition);
        assertThat(result.machine()).isEmpty();
        return result.problems();
    }

    /** A one-state machine whose only state is {@code state}, named S. */
    private static String single(String state) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + state + "}}";
    }

    @Test
    void validDefinition_yieldsAMachineWithDefaultsFilledIn() {
        ParseResult result = AslParser.parse("""
                {"StartAt": "T", "TimeoutSeconds": 30, "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "F", "Payload.$": "$"},
                        "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}
                """);
        assertThat(result.problems()).isEmpty();
        StateMachine machine = result.orElseThrow();
        assertThat(machine.timeoutSeconds()).isEqualTo(30);
        State.Task task = (State.Task) machine.states().get("T");
        assertThat(task.retry()).containsExactly(new Retrier(List.of("States.ALL"), 1, 3, 2.0, null, Retrier.JitterStrategy.NONE));
        assertThat(task.inputPath()).hasValueSatisfying(path -> assertThat(path.isRoot()).isTrue());
        assertThat(task.next()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', value = {
            "missing StartAt | {\"States\": {\"S\": {\"Type\": \"Succeed\"}}} | SCHEMA_VALIDATION_FAILED | $.StartAt | The field 'StartAt' is required",
            "StartAt unknown | {\"StartAt\": \"X\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}} | MISSING_TRANSITION_TARGET | $.StartAt | StartAt names 'X'",
            "no States | {\"StartAt\": \"S\"} | SCHEMA_VALIDATION_FAILED | $.States | The field 'States' is required",
            "not an object | [1, 2] | SCHEMA_VALIDATION_FAILED | $ | A definition is a JSON object, not an array",
            "JSONata | {\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}} | UNSUPPORTED_FEATURE | $.QueryLanguage | The JSONata query language is not supported",
            "bad Version | {\"Version\": \"2.0\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}} | SCHEMA_VALIDATION_FAILED | $.Version | The only ASL version",
            "machine timeout 0 | {\"TimeoutSeconds\": 0, \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}} | SCHEMA_VALIDATION_FAILED | $.TimeoutSeconds | must be an integer from 1",
    })
    void machineLevelMistake_isReportedAtItsField(String title, String definition, Code code, String path, String message) {
        assertThat(problems(definition)).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', value = {
            "unknown type | {\"Type\": \"Sleep\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.Type | Unknown state type 'Sleep'",
            "missing type | {\"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.Type | The field 'Type' is required",
            "neither Next nor End | {\"Type\": \"Pass\"} | SCHEMA_VALIDATION_FAILED | $.States.S | needs 'Next'",
            "End false | {\"Type\": \"Pass\", \"End\": false} | SCHEMA_VALIDATION_FAILED | $.States.S.End | needs 'Next'",
            "Next and End | {\"Type\": \"Pass\", \"Next\": \"S\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.End | either Next or End",
            "unknown Next | {\"Type\": \"Pass\", \"Next\": \"Nowhere\"} | MISSING_TRANSITION_TARGET | $.States.S.Next | 'Nowhere' is not a state of this state machine",
            "unknown field | {\"Type\": \"Pass\", \"End\": true, \"Seconds\": 1} | SCHEMA_VALIDATION_FAILED | $.States.S.Seconds | The field 'Seconds' is not supported by a Pass state",
            "Assign | {\"Type\": \"Pass\", \"End\": true, \"Assign\": {}} | UNSUPPORTED_FEATURE | $.States.S.Assign | valid ASL but the local engine does not support it",
            "bad InputPath | {\"Type\": \"Pass\", \"End\": true, \"InputPath\": \"$.a[\"} | INVALID_JSON_PATH | $.States.S.InputPath | invalid JSONPath '$.a['",
            "ResultPath not a reference path | {\"Type\": \"Pass\", \"End\": true, \"ResultPath\": \"$.a[*]\"} | INVALID_JSON_PATH | $.States.S.ResultPath | must be a reference path",
            "ResultPath in context | {\"Type\": \"Pass\", \"End\": true, \"ResultPath\": \"$$.x\"} | INVALID_JSON_PATH | $.States.S.ResultPath | must be a reference path",
            "template path | {\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"a\": {\"b.$\": \"$.x[\"}}} | INVALID_JSON_PATH | $.States.S.Parameters.a['b.$'] | invalid JSONPath",
            "template not a path | {\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"b.$\": \"x\"}} | INVALID_JSON_PATH | $.States.S.Parameters['b.$'] | must start with '$' (a path) or 'States.'",
            "template number | {\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"b.$\": 1}} | SCHEMA_VALIDATION_FAILED | $.States.S.Parameters['b.$'] | must be a JSONPath or an intrinsic function call",
            "template duplicate key | {\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"b\": 1, \"b.$\": \"$\"}} | SCHEMA_VALIDATION_FAILED | $.States.S.Parameters['b.$'] | The key 'b' appears twice",
            "bad intrinsic | {\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"b.$\": \"States.Nope()\"}} | INVALID_INTRINSIC_FUNCTION | $.States.S.Parameters['b.$'] | unknown intrinsic function 'States.Nope'",
            "Task without Resource | {\"Type\": \"Task\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.Resource | The field 'Resource' is required",
            "Task callback | {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke.waitForTaskToken\", \"End\": true} | UNSUPPORTED_FEATURE | $.States.S.Resource | callback, sync or activity",
            "Task both timeouts | {\"Type\": \"Task\", \"Resource\": \"r\", \"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.TimeoutSecondsPath | cannot both be set",
            "heartbeat too long | {\"Type\": \"Task\", \"Resource\": \"r\", \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 5, \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.HeartbeatSeconds | smaller than TimeoutSeconds",
            "ALL not alone | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"X\"]}]} | INVALID_ERROR_HANDLING | $.States.S.Retry[0].ErrorEquals | States.ALL must appear alone",
            "ALL not last | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\"}, {\"ErrorEquals\": [\"X\"], \"Next\": \"S\"}]} | INVALID_ERROR_HANDLING | $.States.S.Catch[0].ErrorEquals | with States.ALL must be the last one",
            "empty ErrorEquals | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Retry\": [{\"ErrorEquals\": []}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Retry[0].ErrorEquals | non-empty array of error names",
            "BackoffRate below 1 | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Retry\": [{\"ErrorEquals\": [\"X\"], \"BackoffRate\": 0.5}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Retry[0].BackoffRate | must be a number from 1.0",
            "negative MaxAttempts | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Retry\": [{\"ErrorEquals\": [\"X\"], \"MaxAttempts\": -1}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Retry[0].MaxAttempts | from 0 to",
            "bad jitter | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Retry\": [{\"ErrorEquals\": [\"X\"], \"JitterStrategy\": \"HALF\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Retry[0].JitterStrategy | FULL or NONE",
            "catcher without Next | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Catch\": [{\"ErrorEquals\": [\"X\"]}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Catch[0].Next | The field 'Next' is required",
            "catcher to nowhere | {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true, \"Catch\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"Q\"}]} | MISSING_TRANSITION_TARGET | $.States.S.Catch[0].Next | 'Q' is not a state",
            "Wait two fields | {\"Type\": \"Wait\", \"Seconds\": 1, \"SecondsPath\": \"$.s\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S | exactly one of Seconds, SecondsPath, Timestamp or TimestampPath",
            "Wait bad timestamp | {\"Type\": \"Wait\", \"Timestamp\": \"2026-01-01 10:00\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.Timestamp | RFC 3339 timestamp",
            "Fail both errors | {\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\"} | SCHEMA_VALIDATION_FAILED | $.States.S.ErrorPath | Error and ErrorPath cannot both be set",
            "Choice without Choices | {\"Type\": \"Choice\"} | SCHEMA_VALIDATION_FAILED | $.States.S | needs 'Choices'",
            "Choice without Variable | {\"Type\": \"Choice\", \"Choices\": [{\"StringEquals\": \"a\", \"Next\": \"S\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Choices[0] | StringEquals needs a Variable",
            "Choice operand type | {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"NumericEquals\": \"1\", \"Next\": \"S\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Choices[0].NumericEquals | needs a number",
            "Choice two operators | {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true, \"IsString\": true, \"Next\": \"S\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Choices[0] | exactly one of And, Or, Not or a comparison operator",
            "nested Next | {\"Type\": \"Choice\", \"Choices\": [{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"S\"}, \"Next\": \"S\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Choices[0].Not.Next | Only top-level choice rules have Next",
            "Choice timestamp operand | {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"TimestampEquals\": \"yesterday\", \"Next\": \"S\"}]} | SCHEMA_VALIDATION_FAILED | $.States.S.Choices[0].TimestampEquals | RFC 3339 timestamp string",
            "Default to nowhere | {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"S\"}], \"Default\": \"Q\"} | MISSING_TRANSITION_TARGET | $.States.S.Default | 'Q' is not a state",
            "Map without processor | {\"Type\": \"Map\", \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S | needs an ItemProcessor",
            "Map ItemReader | {\"Type\": \"Map\", \"ItemReader\": {}, \"ItemProcessor\": {\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}, \"End\": true} | UNSUPPORTED_FEATURE | $.States.S.ItemReader | does not support it",
            "Map processor Next escapes | {\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"Next\": \"S\"}}}, \"End\": true} | MISSING_TRANSITION_TARGET | $.States.S.ItemProcessor.States.I.Next | 'S' is not a state of this branch",
            "Parallel without branches | {\"Type\": \"Parallel\", \"Branches\": [], \"End\": true} | SCHEMA_VALIDATION_FAILED | $.States.S.Branches | non-empty array",
    })
    void stateMistake_isReportedAtTheOffendingField(String title, String state, Code code, String path, String message) {
        assertThat(problems(single(state))).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void unreachableState_isReported() {
        assertThat(problems("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}
                """)).extracting(DefinitionProblem::code, DefinitionProblem::path)
                .containsExactly(tuple(Code.UNREACHABLE_STATE, "$.States.Orphan"));
    }

    @Test
    void stateNamesAreUniqueAcrossNestedGraphs() {
        assertThat(problems("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}}}
                """)).extracting(DefinitionProblem::code, DefinitionProblem::path)
                .containsExactly(tuple(Code.DUPLICATE_STATE_NAME, "$.States.A.Branches[0].States.A"));
    }

    @Test
    void oddStateNames_areQuotedInProblemPaths() {
        assertThat(problems(single("{\"Type\": \"Pass\"}").replace("\"S\"", "\"Fetch page 1\"")))
                .extracting(DefinitionProblem::path).containsExactly("$.States['Fetch page 1']");
    }

    @Test
    void everyProblemIsReportedAtOnce_fieldsFirstThenTransitionsAndReachability() {
        List<DefinitionProblem> found = problems("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Missing"},
                  "B": {"Type": "Task", "End": true},
                  "C": {"Type": "Wait", "End": true}}}
                """);
        assertThat(found).extracting(DefinitionProblem::path).containsExactly(
                "$.States.B.Resource", "$.States.C", "$.States.A.Next", "$.States.B", "$.States.C");
    }

    @Test
    void invalidJson_isAProblemWithItsPosition() {
        assertThat(problems("{\"StartAt\": \"A\",\n \"States\": {")).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(Code.SCHEMA_VALIDATION_FAILED);
            assertThat(problem.message()).startsWith("The definition is not valid JSON at line 2");
        });
    }

    @Test
    void duplicateKeys_areRejected() {
        assertThat(problems("{\"StartAt\": \"A\", \"StartAt\": \"B\", \"States\": {}}")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("Duplicate field 'StartAt'"));
    }

    @Test
    void definitionOverOneMebibyte_isRejectedBeforeParsing() {
        String padding = "x".repeat(AslParser.MAX_DEFINITION_BYTES);
        assertThat(problems(single("{\"Type\": \"Pass\", \"Comment\": \"" + padding + "\", \"End\": true}")))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("Step Functions accepts at most 1048576"));
    }

    @Test
    void hostileNesting_isAProblemNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(problems(single("{\"Type\": \"Pass\", \"Result\": " + deep + ", \"End\": true}"))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("too deeply nested"));
    }

    @Test
    void stateNameLongerThan80Characters_isRejected() {
        String name = "N".repeat(81);
        assertThat(problems("{\"StartAt\": \"" + name + "\", \"States\": {\"" + name + "\": {\"Type\": \"Succeed\"}}}"))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("1 to 80 characters; this one has 81"));
    }
}
