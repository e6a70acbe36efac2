package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.expr.Evaluator;
import io.crawlseq.lang.expr.Expr;
import io.crawlseq.lang.expr.Expr.CompareOp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a condition to a Choice rule with the meaning it has in JavaScript for JSON data:
 * a missing path compares unequal to everything (so every comparison is guarded by
 * {@code IsPresent}, which also keeps Step Functions from failing with States.Runtime on a missing
 * variable), values of different types are never equal and never ordered, and a bare path is
 * tested for truthiness. Parts that do not depend on run data are folded to constants.
 */
final class ChoiceRules {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A compiled condition: a Choice rule, or a constant when nothing depends on run data. */
    sealed interface Compiled permits Rule, Constant {
    }

    record Rule(ObjectNode rule) implements Compiled {
    }

    record Constant(boolean value) implements Compiled {
    }

    private final Scope scope;

    ChoiceRules(Scope scope) {
        this.scope = scope;
    }

    Compiled compile(Expr expr) {
        return switch (expr) {
            case Expr.Logical l -> logical(l);
            case Expr.Not n -> not(compile(n.operand()));
            case Expr.Comparison c -> comparison(c);
            case Expr.PathRef p -> new Rule(truthy(scope.jsonPath(p.path())));
            case Expr.Literal lit -> new Constant(literalTruthiness(lit));
        };
    }

    private Compiled logical(Expr.Logical l) {
        Compiled left = compile(l.left());
        Compiled right = compile(l.right());
        boolean isAnd = l.op() == Expr.LogicalOp.AND;
        // x && true = x, x && false = false, x || true = true, x || false = x
        if (left instanceof Constant c) {
            return c.value() == isAnd ? right : c;
        }
        if (right instanceof Constant c) {
            return c.value() == isAnd ? left : c;
        }
        String op = isAnd ? "And" : "Or";
        ArrayNode operands = JSON.arrayNode();
        for (Compiled side : List.of(left, right)) {
            ObjectNode rule = ((Rule) side).rule();
            // flatten a && (b && c) into one And
            if (rule.size() == 1 && rule.has(op)) {
                operands.addAll((ArrayNode) rule.get(op));
            } else {
                operands.add(rule);
            }
        }
        ObjectNode out = JSON.objectNode();
        out.set(op, operands);
        return new Rule(out);
    }

    private static Compiled not(Compiled inner) {
        return switch (inner) {
            case Constant c -> new Constant(!c.value());
            case Rule r -> new Rule(notRule(r.rule()));
        };
    }

    private static ObjectNode notRule(ObjectNode rule) {
        if (rule.size() == 1 && rule.has("Not")) {
            return (ObjectNode) rule.get("Not");
        }
        ObjectNode out = JSON.objectNode();
        out.set("Not", rule);
        return out;
    }

    private Compiled comparison(Expr.Comparison c) {
        Expr left = c.left();
        Expr right = c.right();
        CompareOp op = c.op();
        if (left instanceof Expr.Literal l && right instanceof Expr.Literal r) {
            return new Constant(compareLiterals(op, l, r));
        }
        if (left instanceof Expr.Literal) {
            // 10 < x  ==  x > 10
            Expr tmp = left;
            left = right;
            right = tmp;
            op = flip(op);
        }
        String variable = scope.jsonPath(((Expr.PathRef) left).path());
        ObjectNode positive = switch (right) {
            case Expr.Literal lit -> againstLiteral(variable, op, lit);
            case Expr.PathRef other -> againstPath(variable, op, scope.jsonPath(other.path()));
            default -> throw new IllegalStateException("comparison operands are values or paths: " + right);
        };
        if (positive == null) {
            return new Constant(op.isNegated());
        }
        return new Rule(op.isNegated() ? notRule(positive) : positive);
    }

    /** The rule for the non-negated form of {@code op} ({@code !==} is compiled as Not of {@code ===}). */
    private static ObjectNode againstLiteral(String variable, CompareOp op, Expr.Literal lit) {
        return switch (lit) {
            case Expr.NullLit n -> op.isEquality() ? and(present(variable), test(variable, "IsNull", true)) : null;
            case Expr.BooleanLit b -> op.isEquality()
                    ? and(present(variable), test(variable, "IsBoolean", true), compare(variable, "BooleanEquals", b.value()))
                    : null;
            case Expr.StringLit s -> and(present(variable), test(variable, "IsString", true),
                    compare(variable, "String" + operatorSuffix(op), s.value()));
            case Expr.NumberLit n -> and(present(variable), test(variable, "IsNumeric", true),
                    compareNumber(variable, "Numeric" + operatorSuffix(op), n.value()));
        };
    }

    private static ObjectNode againstPath(String a, CompareOp op, String b) {
        List<ObjectNode> alternatives = new ArrayList<>();
        alternatives.add(sameType(a, b, "IsString", comparePath(a, "String" + operatorSuffix(op) + "Path", b)));
        alternatives.add(sameType(a, b, "IsNumeric", comparePath(a, "Numeric" + operatorSuffix(op) + "Path", b)));
        if (op.isEquality()) {
            alternatives.add(sameType(a, b, "IsBoolean", comparePath(a, "BooleanEqualsPath", b)));
            alternatives.add(and(present(a), present(b), test(a, "IsNull", true), test(b, "IsNull", true)));
        }
        ObjectNode or = JSON.objectNode();
        ArrayNode list = or.putArray("Or");
        alternatives.forEach(list::add);
        return or;
    }

    private static ObjectNode sameType(String a, String b, String typeTest, ObjectNode comparison) {
        return and(present(a), present(b), test(a, typeTest, true), test(b, typeTest, true), comparison);
    }

    /** JavaScript truthiness of a JSON value: present, not null/false/0/"". Objects and arrays are truthy. */
    static ObjectNode truthy(String variable) {
        return and(present(variable),
                notRule(test(variable, "IsNull", true)),
                notRule(and(test(variable, "IsBoolean", true), compare(variable, "BooleanEquals", false))),
                notRule(and(test(variable, "IsNumeric", true), compareNumber(variable, "NumericEquals", BigDecimal.ZERO))),
                notRule(and(test(variable, "IsString", true), compare(variable, "StringEquals", ""))));
    }

    private static String operatorSuffix(CompareOp op) {
        return switch (op) {
            case EQ, NE, LOOSE_EQ, LOOSE_NE -> "Equals";
            case LT -> "LessThan";
            case LE -> "LessThanEquals";
            case GT -> "GreaterThan";
            case GE -> "GreaterThanEquals";
        };
    }

    private static CompareOp flip(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> op;
        };
    }

    private static ObjectNode and(ObjectNode... rules) {
        ObjectNode out = JSON.objectNode();
        ArrayNode list = out.putArray("And");
        for (ObjectNode r : rules) {
            list.add(r);
        }
        return out;
    }

    private static ObjectNode present(String variable) {
        return test(variable, "IsPresent", true);
    }

    private static ObjectNode test(String variable, String operator, boolean value) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Variable", variable);
        rule.put(operator, value);
        return rule;
    }

    private static ObjectNode compare(String variable, String operator, String value) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Variable", variable);
        rule.put(operator, value);
        return rule;
    }

    private static ObjectNode compare(String variable, String operator, boolean value) {
        return test(variable, operator, value);
    }

    private static ObjectNode compareNumber(String variable, String operator, BigDecimal value) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Variable", variable);
        rule.set(operator, numberNode(value));
        return rule;
    }

    private static ObjectNode comparePath(String variable, String operator, String otherPath) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Variable", variable);
        rule.put(operator, otherPath);
        return rule;
    }

    /** Integers stay integers in the ASL ({@code 10}, not {@code 10.0} or {@code 1E+1}). */
    static com.fasterxml.jackson.databind.JsonNode numberNode(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return JSON.numberNode(stripped.longValueExact());
        }
        return JSON.numberNode(Double.parseDouble(value.toPlainString()));
    }

    private static boolean literalTruthiness(Expr.Literal lit) {
        return Evaluator.truthy(Evaluator.literal(lit));
    }

    private static boolean compareLiterals(CompareOp op, Expr.Literal l, Expr.Literal r) {
        return Evaluator.compare(op, Evaluator.literal(l), Evaluator.literal(r));
    }
}
