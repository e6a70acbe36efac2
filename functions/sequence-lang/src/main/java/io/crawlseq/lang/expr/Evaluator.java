package io.crawlseq.lang.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a condition over data that may be only partly known (the dry-run planner knows the run
 * context but not command results). Semantics are those the compiled Choice rules have: strict
 * equality without coercion, ordering only between two numbers or two strings, a missing value
 * equal to nothing, JavaScript truthiness for bare paths.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Resolves a path: empty = not known before run time; {@link MissingNode} = known to be absent. */
    @FunctionalInterface
    public interface Data {
        Optional<JsonNode> resolve(Path path);
    }

    /** The truth of a condition, or the paths whose run-time values decide it. */
    public sealed interface Outcome {
    }

    public record Known(boolean value) implements Outcome {
    }

    public record Unknown(List<Path> decidedBy) implements Outcome {
        public Unknown {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    public static Outcome truth(Expr expr, Data data) {
        return switch (expr) {
            case Expr.Logical l -> logical(l, data);
            case Expr.Not n -> switch (truth(n.operand(), data)) {
                case Known k -> new Known(!k.value());
                case Unknown u -> u;
            };
            case Expr.Comparison c -> comparison(c, data);
            case Expr.PathRef p -> data.resolve(p.path())
                    .<Outcome>map(v -> new Known(truthy(v)))
                    .orElseGet(() -> new Unknown(List.of(p.path())));
            case Expr.Literal lit -> new Known(truthy(literal(lit)));
        };
    }

    private static Outcome logical(Expr.Logical l, Data data) {
        Outcome left = truth(l.left(), data);
        Outcome right = truth(l.right(), data);
        boolean and = l.op() == Expr.LogicalOp.AND;
        // a decisive known side settles it: false for &&, true for ||
        if (left instanceof Known k && k.value() != and) {
            return k;
        }
        if (right instanceof Known k && k.value() != and) {
            return k;
        }
        if (left instanceof Known && right instanceof Known) {
            return new Known(and);
        }
        List<Path> deciding = new ArrayList<>();
        if (left instanceof Unknown u) {
            deciding.addAll(u.decidedBy());
        }
        if (right instanceof Unknown u) {
            deciding.addAll(u.decidedBy());
        }
        return new Unknown(deciding);
    }

    private static Outcome comparison(Expr.Comparison c, Data data) {
        Optional<JsonNode> left = value(c.left(), data);
        Optional<JsonNode> right = value(c.right(), data);
        if (left.isEmpty() || right.isEmpty()) {
            List<Path> deciding = new ArrayList<>();
            if (left.isEmpty()) {
                deciding.add(((Expr.PathRef) c.left()).path());
            }
            if (right.isEmpty()) {
                deciding.add(((Expr.PathRef) c.right()).path());
            }
            return new Unknown(deciding);
        }
        return new Known(compare(c.op(), left.get(), right.get()));
    }

    private static Optional<JsonNode> value(Expr e, Data data) {
        return switch (e) {
            case Expr.PathRef p -> data.resolve(p.path());
            case Expr.Literal lit -> Optional.of(literal(lit));
            default -> throw new IllegalArgumentException("comparison operands are values or paths");
        };
    }

    /** The comparison as compiled Choice rules perform it; {@link MissingNode} stands for an absent value. */
    public static boolean compare(Expr.CompareOp op, JsonNode a, JsonNode b) {
        if (op.isEquality()) {
            boolean equal = !a.isMissingNode() && !b.isMissingNode() && strictlyEqual(a, b);
            return op.isNegated() != equal;
        }
        int cmp;
        if (a.isNumber() && b.isNumber()) {
            cmp = a.decimalValue().compareTo(b.decimalValue());
        } else if (a.isTextual() && b.isTextual()) {
            cmp = a.textValue().compareTo(b.textValue());
        } else {
            return false;
        }
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalStateException("not relational: " + op);
        };
    }

    private static boolean strictlyEqual(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isValueNode() && b.isValueNode()) {
            return a.getNodeType() == b.getNodeType() && a.equals(b);
        }
        // Step Functions has no equality on objects or arrays; the compiler never emits one.
        return false;
    }

    /** JavaScript truthiness of a JSON value; a missing value is falsy. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.decimalValue().signum() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return true;
    }

    /** The JSON value of a literal. */
    public static JsonNode literal(Expr.Literal lit) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (lit) {
            case Expr.NullLit n -> json.nullNode();
            case Expr.BooleanLit b -> json.booleanNode(b.value());
            case Expr.StringLit s -> json.textNode(s.value());
            case Expr.NumberLit n -> json.numberNode(n.value());
        };
    }

    /** Walks a path over a JSON value; missing steps give {@link MissingNode}. */
    public static JsonNode walk(JsonNode root, List<Path.Segment> segments) {
        JsonNode node = root;
        for (Path.Segment s : segments) {
            node = switch (s) {
                case Path.Field f -> node.path(f.name());
                case Path.Index i -> node.path(i.index());
            };
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
