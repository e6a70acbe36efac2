package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.ChoiceRule;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates Choice rules. Comparing values of different types is false, as the ASL specification says;
 * a Variable (or a ...Path operand) that finds nothing is a States.Runtime error, except for IsPresent.
 */
public final class Choices {

    private Choices() {
    }

    public static boolean test(ChoiceRule rule, JsonNode input, Supplier<JsonNode> context) {
        return switch (rule) {
            case ChoiceRule.And and -> and.rules().stream().allMatch(inner -> test(inner, input, context));
            case ChoiceRule.Or or -> or.rules().stream().anyMatch(inner -> test(inner, input, context));
            case ChoiceRule.Not not -> !test(not.rule(), input, context);
            case ChoiceRule.Comparison comparison -> compare(comparison, input, context);
        };
    }

    private static boolean compare(ChoiceRule.Comparison comparison, JsonNode input, Supplier<JsonNode> context) {
        ChoiceRule.Operator operator = comparison.operator();
        Optional<JsonNode> found = find(comparison.variable(), input, context);
        if (operator == ChoiceRule.Operator.IS_PRESENT) {
            return found.isPresent() == comparison.value().booleanValue();
        }
        JsonNode value = found.orElseThrow(() -> invalidPath(comparison.variable()));
        if (operator.operand() == ChoiceRule.Operand.TYPE_TEST) {
            return typeTest(operator, value) == comparison.value().booleanValue();
        }
        JsonNode operand = comparison.comparesWithPath()
                ? find(comparison.valuePath(), input, context).orElseThrow(() -> invalidPath(comparison.valuePath()))
                : comparison.value();
        return switch (operator.operand()) {
            case STRING -> value.isTextual() && operand.isTextual()
                    && holds(operator.relation(), value.textValue().compareTo(operand.textValue()));
            case NUMBER -> value.isNumber() && operand.isNumber()
                    && holds(operator.relation(), Json.compareNumbers(value, operand));
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> compareTimestamps(operator.relation(), value, operand);
            case PATTERN -> value.isTextual() && operand.isTextual() && matches(value.textValue(), operand.textValue());
            case TYPE_TEST -> throw new IllegalStateException("type tests are handled above");
        };
    }

    private static Optional<JsonNode> find(JsonPath path, JsonNode input, Supplier<JsonNode> context) {
        return path.find(path.isContextPath() ? context.get() : input);
    }

    private static StatesError invalidPath(JsonPath path) {
        return StatesError.runtime("Invalid path '" + path.text() + "': The choice state's condition path references an invalid value.");
    }

    private static boolean typeTest(ChoiceRule.Operator operator, JsonNode value) {
        return switch (operator) {
            case IS_NULL -> value.isNull();
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isTextual();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
            default -> throw new IllegalStateException(operator + " is not a type test");
        };
    }

    private static boolean compareTimestamps(ChoiceRule.Relation relation, JsonNode value, JsonNode operand) {
        if (!value.isTextual() || !operand.isTextual()) {
            return false;
        }
        Optional<OffsetDateTime> left = Timestamps.parse(value.textValue());
        Optional<OffsetDateTime> right = Timestamps.parse(operand.textValue());
        return left.isPresent() && right.isPresent()
                && holds(relation, left.get().toInstant().compareTo(right.get().toInstant()));
    }

    private static boolean holds(ChoiceRule.Relation relation, int order) {
        return switch (relation) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case GREATER_THAN -> order > 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN_EQUALS -> order >= 0;
            default -> throw new IllegalStateException(relation + " is not an ordering");
        };
    }

    /**
     * StringMatches: {@code *} matches any run of characters, {@code \*} a literal star and
     * {@code \\} a literal backslash; everything else matches itself.
     */
    public static boolean matches(String value, String pattern) {
        return matchFrom(value, 0, pattern, 0);
    }

    private static boolean matchFrom(String value, int v, String pattern, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int start = v; start <= value.length(); start++) {
                    if (matchFrom(value, start, pattern, p)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (v >= value.length() || value.charAt(v) != c) {
                return false;
            }
            v++;
            p++;
        }
        return v == value.length();
    }
}
