package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.internal.Json;

import java.util.List;

/** The expression inside {@code [?( ... )]}: comparisons, existence tests, {@code && || !} and parentheses. */
public sealed interface FilterExpression {

    /** True when the expression holds for {@code current} (the {@code @} node) within {@code root}. */
    boolean test(JsonNode current, JsonNode root);

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) || right.test(current, root);
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) && right.test(current, root);
        }
    }

    record Not(FilterExpression operand) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !operand.test(current, root);
        }
    }

    /** {@code [?(@.isbn)]}: the operand resolves to something (null included). */
    record Exists(Operand operand) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode value = operand.resolve(current, root);
            return value != null && !(operand.selectsMany() && value.isEmpty());
        }
    }

    record Comparison(Operand left, Operator operator, Operand right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode l = left.resolve(current, root);
            JsonNode r = right.resolve(current, root);
            if (l == null || r == null) {
                // A missing operand never compares, except that "missing != x" holds.
                return operator == Operator.NE && (l != null || r != null);
            }
            return operator.apply(l, r);
        }
    }

    enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean apply(JsonNode l, JsonNode r) {
            return switch (this) {
                case EQ -> Json.equal(l, r);
                case NE -> !Json.equal(l, r);
                default -> ordered(l, r);
            };
        }

        private boolean ordered(JsonNode l, JsonNode r) {
            int order;
            if (l.isNumber() && r.isNumber()) {
                order = Json.compareNumbers(l, r);
            } else if (l.isTextual() && r.isTextual()) {
                order = l.textValue().compareTo(r.textValue());
            } else {
                return false;
            }
            return switch (this) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                default -> throw new IllegalStateException(name());
            };
        }
    }

    /** A side of a comparison: {@code @...}, {@code $...} or a literal. */
    sealed interface Operand {
        /** The value, or null when a path finds nothing. */
        JsonNode resolve(JsonNode current, JsonNode root);

        default boolean selectsMany() {
            return false;
        }
    }

    record Literal(JsonNode value) implements Operand {
        @Override
        public JsonNode resolve(JsonNode current, JsonNode root) {
            return value;
        }
    }

    /** A path from {@code @} (relative) or from {@code $} (the document root). */
    record PathOperand(boolean fromRoot, List<PathSegment> segments) implements Operand {
        public PathOperand {
            segments = List.copyOf(segments);
        }

        @Override
        public JsonNode resolve(JsonNode current, JsonNode root) {
            return PathEvaluator.evaluate(fromRoot ? root : current, root, segments);
        }

        @Override
        public boolean selectsMany() {
            return !PathEvaluator.isDefinite(segments);
        }
    }
}
