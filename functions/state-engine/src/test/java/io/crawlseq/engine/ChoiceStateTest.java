package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.ChoiceRule;
import io.crawlseq.engine.asl.State;
import io.crawlseq.engine.internal.Choices;
import io.crawlseq.engine.internal.StatesError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChoiceStateTest {

    private static final JsonNode INPUT = json("""
            {"s": "banana", "n": 5, "d": 5.0, "b": true, "nil": null, "t": "2026-03-14T01:59:00Z",
             "t2": "2026-03-14T02:59:00+01:00", "url": "https://news.example.com/a*b", "list": [1], "obj": {}}
            """);

    /** Parses a one-rule Choice and evaluates the rule against {@link #INPUT}. */
    private static boolean holds(String rule) {
        com.fasterxml.jackson.databind.node.ObjectNode branch = (com.fasterxml.jackson.databind.node.ObjectNode) json(rule);
        branch.put("Next", "D");
        State.Choice choice = (State.Choice) AslParser.parse("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [%s], "Default": "D"}, "D": {"Type": "Succeed"}}}
                """.formatted(branch)).orElseThrow().states().get("C");
        ChoiceRule rootRule = choice.choices().getFirst().rule();
        return Choices.test(rootRule, INPUT, () -> json("{\"Execution\": {\"Name\": \"x\"}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "{\"Variable\": \"$.s\", \"StringEquals\": \"banana\"} => true",
            "{\"Variable\": \"$.s\", \"StringEquals\": \"Banana\"} => false",
            "{\"Variable\": \"$.s\", \"StringLessThan\": \"cherry\"} => true",
            "{\"Variable\": \"$.s\", \"StringGreaterThan\": \"cherry\"} => false",
            "{\"Variable\": \"$.s\", \"StringLessThanEquals\": \"banana\"} => true",
            "{\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"bananas\"} => false",
            "{\"Variable\": \"$.n\", \"StringEquals\": \"5\"} => false",
            "{\"Variable\": \"$.n\", \"NumericEquals\": 5.0} => true",
            "{\"Variable\": \"$.d\", \"NumericEquals\": 5} => true",
            "{\"Variable\": \"$.n\", \"NumericLessThan\": 5} => false",
            "{\"Variable\": \"$.n\", \"NumericGreaterThan\": 4.99} => true",
            "{\"Variable\": \"$.n\", \"NumericLessThanEquals\": 5} => true",
            "{\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 6} => false",
            "{\"Variable\": \"$.s\", \"NumericEquals\": 5} => false",
            "{\"Variable\": \"$.b\", \"BooleanEquals\": true} => true",
            "{\"Variable\": \"$.s\", \"BooleanEquals\": true} => false",
            "{\"Variable\": \"$.t\", \"TimestampEquals\": \"2026-03-14T02:59:00+01:00\"} => true",
            "{\"Variable\": \"$.t\", \"TimestampLessThan\": \"2026-03-14T01:59:00.001Z\"} => true",
            "{\"Variable\": \"$.t\", \"TimestampGreaterThan\": \"2026-03-14T01:59:00Z\"} => false",
            "{\"Variable\": \"$.t\", \"TimestampLessThanEquals\": \"2026-03-14T01:59:00Z\"} => true",
            "{\"Variable\": \"$.t\", \"TimestampGreaterThanEquals\": \"2026-03-15T00:00:00Z\"} => false",
            "{\"Variable\": \"$.s\", \"TimestampEquals\": \"2026-03-14T01:59:00Z\"} => false",
            "{\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.s\"} => true",
            "{\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$.d\"} => true",
            "{\"Variable\": \"$.n\", \"NumericLessThanPath\": \"$.d\"} => false",
            "{\"Variable\": \"$.n\", \"NumericGreaterThanEqualsPath\": \"$.d\"} => true",
            "{\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.b\"} => true",
            "{\"Variable\": \"$.t\", \"TimestampEqualsPath\": \"$.t2\"} => true",
            "{\"Variable\": \"$.t\", \"TimestampLessThanPath\": \"$.t2\"} => false",
            "{\"Variable\": \"$.s\", \"StringLessThanPath\": \"$.n\"} => false",
            "{\"Variable\": \"$$.Execution.Name\", \"StringEquals\": \"x\"} => true",
            "{\"Variable\": \"$.s\", \"IsPresent\": true} => true",
            "{\"Variable\": \"$.missing\", \"IsPresent\": true} => false",
            "{\"Variable\": \"$.missing.deeper\", \"IsPresent\": false} => true",
            "{\"Variable\": \"$.nil\", \"IsNull\": true} => true",
            "{\"Variable\": \"$.s\", \"IsNull\": false} => true",
            "{\"Variable\": \"$.s\", \"IsString\": true} => true",
            "{\"Variable\": \"$.n\", \"IsString\": false} => true",
            "{\"Variable\": \"$.d\", \"IsNumeric\": true} => true",
            "{\"Variable\": \"$.s\", \"IsNumeric\": true} => false",
            "{\"Variable\": \"$.b\", \"IsBoolean\": true} => true",
            "{\"Variable\": \"$.nil\", \"IsBoolean\": false} => true",
            "{\"Variable\": \"$.t\", \"IsTimestamp\": true} => true",
            "{\"Variable\": \"$.s\", \"IsTimestamp\": true} => false",
            "{\"And\": [{\"Variable\": \"$.n\", \"NumericEquals\": 5}, {\"Variable\": \"$.b\", \"BooleanEquals\": true}]} => true",
            "{\"And\": [{\"Variable\": \"$.n\", \"NumericEquals\": 5}, {\"Variable\": \"$.b\", \"BooleanEquals\": false}]} => false",
            "{\"Or\": [{\"Variable\": \"$.n\", \"NumericEquals\": 6}, {\"Variable\": \"$.b\", \"BooleanEquals\": true}]} => true",
            "{\"Not\": {\"Variable\": \"$.n\", \"NumericEquals\": 6}} => true",
    })
    void comparison_evaluatesAsAslSpecifies(String rule, boolean expected) {
        assertThat(holds(rule)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "banana => b*a => true",
            "banana => *nan* => true",
            "banana => *nab* => false",
            "banana => banana => true",
            "banana => ban => false",
            "'' => * => true",
            "a*b => a\\*b => true",
            "axb => a\\*b => false",
            "a\\b => a\\\\b => true",
            "log-2026-01.txt => log-*.txt => true",
            "https://x.example.com/p => https://*.example.com/* => true",
    })
    void stringMatches_supportsStarWildcardsAndEscapes(String value, String pattern, boolean expected) {
        assertThat(Choices.matches(value, pattern)).isEqualTo(expected);
    }

    @Test
    void variableFindingNothing_isStatesRuntimeExceptForIsPresent() {
        assertThatThrownBy(() -> holds("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\"}"))
                .isInstanceOf(StatesError.class)
                .hasMessageContaining("Invalid path '$.missing': The choice state's condition path references an invalid value.");
        assertThatThrownBy(() -> holds("{\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.missing\"}"))
                .isInstanceOf(StatesError.class);
    }

    @Test
    void choiceState_routesToTheFirstMatchingRuleThenDefault_andPassesItsInputThrough() {
        String definition = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "InputPath": "$.doc", "OutputPath": "$.kind", "Choices": [
                     {"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"},
                     {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Medium"}], "Default": "Small"},
                  "Big": {"Type": "Pass", "Parameters": {"size": "big", "in.$": "$"}, "End": true},
                  "Medium": {"Type": "Pass", "Parameters": {"size": "medium", "in.$": "$"}, "End": true},
                  "Small": {"Type": "Pass", "Parameters": {"size": "small", "in.$": "$"}, "End": true}}}
                """;
        assertThat(TestSupport.run(definition, "{\"doc\": {\"n\": 20, \"kind\": \"k\"}}", "{}").output())
                .isEqualTo(json("{\"size\": \"big\", \"in\": \"k\"}"));
        assertThat(TestSupport.run(definition, "{\"doc\": {\"n\": 5, \"kind\": \"k\"}}", "{}").output().path("size").asText())
                .isEqualTo("medium");
        assertThat(TestSupport.run(definition, "{\"doc\": {\"n\": 0, \"kind\": \"k\"}}", "{}").output().path("size").asText())
                .isEqualTo("small");
    }

    @Test
    void noMatchWithoutDefault_failsWithNoChoiceMatched() {
        ExecutionResult result = TestSupport.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "D"}]},
                  "D": {"Type": "Succeed"}}}
                """, "{\"n\": 2}", "{}");
        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
        assertThat(result.cause()).isEqualTo("No choice rule matched the input of the state 'C' and it has no Default");
    }
}
