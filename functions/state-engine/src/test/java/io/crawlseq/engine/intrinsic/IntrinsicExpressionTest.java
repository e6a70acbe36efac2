package io.crawlseq.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.regex.Pattern;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicExpressionTest {

    private static final JsonNode INPUT = json("""
            {"name": "Ada", "n": 12, "f": 1.5, "ok": true, "none": null,
             "list": [1, 2, 3, 4, 5], "dupes": [1, {"a": 1}, 1, {"a": 1}, "1"],
             "obj": {"x": 1, "y": {"z": 2}}, "patch": {"y": 3},
             "json": "{\\"k\\":[1,2]}", "csv": "a,b;;c", "template": "Hi {}!"}
            """);
    private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"run-1\"}}");

    private static JsonNode eval(String expression) {
        return IntrinsicExpression.compile(expression).evaluate(INPUT, () -> CONTEXT, new Random(3));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "States.Format('Hello {}, you have {} items', $.name, $.n) => \"Hello Ada, you have 12 items\"",
            "States.Format($.template, $.name) => \"Hi Ada!\"",
            "States.Format('{} {} {} {}', $.f, $.ok, $.none, $$.Execution.Name) => \"1.5 true null run-1\"",
            "States.Format('{} and {}', $.obj, $.list) => \"{x=1, y={z=2}} and [1, 2, 3, 4, 5]\"",
            "States.Format('it\\'s \\{\\} not {}', $.name) => \"it's {} not Ada\"",
            "States.Format('back\\\\slash') => \"back\\\\slash\"",
            "States.StringToJson($.json) => {\"k\":[1,2]}",
            "States.JsonToString($.obj) => \"{\\\"x\\\":1,\\\"y\\\":{\\\"z\\\":2}}\"",
            "States.Array($.name, 2, 'three', true, null) => [\"Ada\",2,\"three\",true,null]",
            "States.Array() => []",
            "States.ArrayPartition($.list, 2) => [[1,2],[3,4],[5]]",
            "States.ArrayContains($.dupes, $.patch) => false",
            "States.ArrayContains($.dupes, States.StringToJson('{\"a\": 1}')) => true",
            "States.ArrayRange(1, 9, 2) => [1,3,5,7,9]",
            "States.ArrayRange(5, 1, 1) => []",
            "States.ArrayGetItem($.list, 4) => 5",
            "States.ArrayLength($.list) => 5",
            "States.ArrayUnique($.dupes) => [1,{\"a\":1},\"1\"]",
            "States.Base64Encode('Hello, World') => \"SGVsbG8sIFdvcmxk\"",
            "States.Base64Decode('SGVsbG8sIFdvcmxk') => \"Hello, World\"",
            "States.Hash('input data', 'SHA-1') => \"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
            "States.Hash('', 'MD5') => \"d41d8cd98f00b204e9800998ecf8427e\"",
            "States.Hash('abc', 'SHA-256') => \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
            "States.JsonMerge($.obj, $.patch, false) => {\"x\":1,\"y\":3}",
            "States.MathAdd($.n, -2) => 10",
            "States.MathAdd(1.5, 2.4) => 4",
            "States.MathRandom(7, 7) => 7",
            "States.StringSplit($.csv, ',;') => [\"a\",\"b\",\"c\"]",
            "States.ArrayLength(States.ArrayUnique(States.Array(1, 1, States.MathAdd(1, 1)))) => 2",
    })
    void function_returnsWhatAwsDocuments(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(json(expected));
    }

    @Test
    void mathRandom_isDeterministicWithASeedAndStaysInRange() {
        JsonNode seeded = eval("States.MathRandom(1, 100, 42)");
        assertThat(eval("States.MathRandom(1, 100, 42)")).isEqualTo(seeded);
        Random random = new Random(99);
        for (int i = 0; i < 200; i++) {
            long value = IntrinsicExpression.compile("States.MathRandom(-3, 3)").evaluate(INPUT, () -> CONTEXT, random).longValue();
            assertThat(value).isBetween(-3L, 3L);
        }
    }

    @Test
    void uuid_isAVersion4UuidDrawnFromTheGivenRandom() {
        String first = IntrinsicExpression.compile("States.UUID()").evaluate(INPUT, () -> CONTEXT, new Random(1)).textValue();
        String again = IntrinsicExpression.compile("States.UUID()").evaluate(INPUT, () -> CONTEXT, new Random(1)).textValue();
        assertThat(first).isEqualTo(again)
                .matches(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "States.ArrayGetItem($.list, 5) => The index 5 is out of bounds for an array of 5 items",
            "States.ArrayLength($.name) => Argument 1 must be an array, but it is a string (\"Ada\")",
            "States.StringToJson('{not json') => The argument is not valid JSON",
            "States.Format('{} {}', $.name) => The number of arguments (1) does not match the number of placeholders '{}' (2)",
            "States.Format('{}', $.missing) => The JsonPath argument for the field '$.missing' could not be found in the input",
            "States.ArrayRange(1, 2000, 1) => The range would contain 2000 items; at most 1000 are allowed",
            "States.ArrayRange(1, 5, 0) => The step must be a positive integer, but it is 0",
            "States.ArrayPartition($.list, 0) => The chunk size must be a positive integer, but it is 0",
            "States.Hash($.name, 'SHA-3') => The hash algorithm 'SHA-3' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
            "States.JsonMerge($.obj, $.patch, true) => Only shallow merging is supported; argument 3 must be false",
            "States.MathAdd($.name, 1) => Argument 1 must be a number, but it is a string (\"Ada\")",
            "States.ArrayRange($.f, 2, 1) => Argument 1 must be an integer, but it is a number (1.5)",
            "States.Base64Decode('***') => The argument is not valid Base64",
    })
    void badArguments_failWithAReasonAtRunTime(String expression, String reason) {
        assertThatThrownBy(() -> eval(expression)).isInstanceOf(IntrinsicFailure.class).hasMessageContaining(reason);
    }

    @Test
    void textOver10000Characters_isRejectedByTheEncodingFunctions() {
        JsonNode input = json("{\"big\": \"" + "x".repeat(10_001) + "\"}");
        assertThatThrownBy(() -> IntrinsicExpression.compile("States.Base64Encode($.big)").evaluate(input, () -> CONTEXT, new Random()))
                .isInstanceOf(IntrinsicFailure.class).hasMessageContaining("at most 10000 are allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "States.Nope(1) => unknown intrinsic function 'States.Nope'",
            "States.Format('a', => expected an argument",
            "States.ArrayLength($.a, $.b) => States.ArrayLength takes exactly 1 argument but got 2",
            "States.UUID(1) => States.UUID takes exactly 0 arguments but got 1",
            "States.MathRandom(1) => States.MathRandom takes 2 to 3 arguments but got 1",
            "States.Format() => States.Format takes at least 1 arguments but got 0",
            "States.Format('bad \\n escape') => a backslash must escape one of ' { } \\",
            "States.Format('open => unterminated string literal",
            "States.Array(abc) => 'abc' is not a path, a quoted string, a number, true, false or null",
            "States.Array(1) extra => unexpected text after the closing parenthesis",
            "States.Array($.a[) => invalid JSONPath",
    })
    void malformedCall_isRejectedWhenCompiled(String expression, String reason) {
        assertThatThrownBy(() -> IntrinsicExpression.compile(expression))
                .isInstanceOf(InvalidIntrinsicException.class).hasMessageContaining(reason);
    }

    @Test
    void nestingDeeperThanTen_isRejected() {
        String ten = "States.Array(".repeat(10) + ")".repeat(10);
        String eleven = "States.Array(".repeat(11) + ")".repeat(11);
        assertThat(IntrinsicExpression.compile(ten).evaluate(INPUT, () -> CONTEXT, new Random()).toString())
                .isEqualTo("[".repeat(9) + "[]" + "]".repeat(9));
        assertThatThrownBy(() -> IntrinsicExpression.compile(eleven)).hasMessageContaining("nest at most 10 deep");
    }

    @Test
    void pathArgument_mayContainFiltersWithCommasAndParentheses() {
        assertThat(eval("States.ArrayLength($.list[?(@ > 2)])")).isEqualTo(json("3"));
        assertThat(eval("States.Format('{}-{}', $.list[0,1], $.name)")).isEqualTo(json("\"[1, 2]-Ada\""));
    }
}
