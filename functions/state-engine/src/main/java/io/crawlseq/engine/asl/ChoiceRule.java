package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.List;
import java.util.Optional;

/** A Choice rule: a boolean combination of comparisons. */
public sealed interface ChoiceRule {

    /** A top-level element of {@code Choices}: a rule and the state it leads to. */
    record Branch(ChoiceRule rule, String next) {
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /**
     * {@code Variable} compared with a literal ({@code value}) or, for the {@code ...Path} variants, with
     * the value at {@code valuePath} (then {@code value} is null).
     */
    record Comparison(JsonPath variable, Operator operator, JsonNode value, JsonPath valuePath) implements ChoiceRule {
        public boolean comparesWithPath() {
            return valuePath != null;
        }
    }

    /** What a comparison operand must be. */
    enum Operand { STRING, NUMBER, BOOLEAN, TIMESTAMP, PATTERN, TYPE_TEST }

    enum Relation { EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS, MATCHES, TEST }

    enum Operator {
        STRING_EQUALS("StringEquals", Operand.STRING, Relation.EQUALS),
        STRING_LESS_THAN("StringLessThan", Operand.STRING, Relation.LESS_THAN),
        STRING_GREATER_THAN("StringGreaterThan", Operand.STRING, Relation.GREATER_THAN),
        STRING_LESS_THAN_EQUALS("StringLessThanEquals", Operand.STRING, Relation.LESS_THAN_EQUALS),
        STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Operand.STRING, Relation.GREATER_THAN_EQUALS),
        STRING_MATCHES("StringMatches", Operand.PATTERN, Relation.MATCHES),
        NUMERIC_EQUALS("NumericEquals", Operand.NUMBER, Relation.EQUALS),
        NUMERIC_LESS_THAN("NumericLessThan", Operand.NUMBER, Relation.LESS_THAN),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Operand.NUMBER, Relation.GREATER_THAN),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Operand.NUMBER, Relation.LESS_THAN_EQUALS),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Operand.NUMBER, Relation.GREATER_THAN_EQUALS),
        BOOLEAN_EQUALS("BooleanEquals", Operand.BOOLEAN, Relation.EQUALS),
        TIMESTAMP_EQUALS("TimestampEquals", Operand.TIMESTAMP, Relation.EQUALS),
        TIMESTAMP_LESS_THAN("TimestampLessThan", Operand.TIMESTAMP, Relation.LESS_THAN),
        TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Operand.TIMESTAMP, Relation.GREATER_THAN),
        TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Operand.TIMESTAMP, Relation.LESS_THAN_EQUALS),
        TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Operand.TIMESTAMP, Relation.GREATER_THAN_EQUALS),
        IS_NULL("IsNull", Operand.TYPE_TEST, Relation.TEST),
        IS_PRESENT("IsPresent", Operand.TYPE_TEST, Relation.TEST),
        IS_NUMERIC("IsNumeric", Operand.TYPE_TEST, Relation.TEST),
        IS_STRING("IsString", Operand.TYPE_TEST, Relation.TEST),
        IS_BOOLEAN("IsBoolean", Operand.TYPE_TEST, Relation.TEST),
        IS_TIMESTAMP("IsTimestamp", Operand.TYPE_TEST, Relation.TEST);

        private final String aslName;
        private final Operand operand;
        private final Relation relation;

        Operator(String aslName, Operand operand, Relation relation) {
            this.aslName = aslName;
            this.operand = operand;
            this.relation = relation;
        }

        public String aslName() {
            return aslName;
        }

        public Operand operand() {
            return operand;
        }

        public Relation relation() {
            return relation;
        }

        /** Every comparison except StringMatches and the type tests has a {@code ...Path} variant. */
        public boolean hasPathVariant() {
            return operand != Operand.PATTERN && operand != Operand.TYPE_TEST;
        }

        /** Resolves a field name such as {@code NumericEqualsPath} to (operator, compares-with-path). */
        public static Optional<Operator> byFieldName(String field) {
            for (Operator operator : values()) {
                if (operator.aslName.equals(field)
                        || operator.hasPathVariant() && (operator.aslName + "Path").equals(field)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }
    }
}
