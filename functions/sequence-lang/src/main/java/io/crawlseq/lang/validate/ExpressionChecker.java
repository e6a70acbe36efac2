package io.crawlseq.lang.validate;

import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import io.crawlseq.lang.expr.Expr;
import io.crawlseq.lang.expr.ExpressionParser;
import io.crawlseq.lang.expr.ParseResult;
import io.crawlseq.lang.expr.SyntaxError;
import io.crawlseq.lang.registry.Suggestions;
import io.crawlseq.lang.types.DataType;

/**
 * Checks a Conditional's {@code if}: syntax (at the column of the problem), every path, and the
 * types of comparisons. The language has no coercion, so {@code hubCount === '10'} is always false:
 * that is reported as an error, and a comparison against a value an enum never takes as a warning.
 */
final class ExpressionChecker {

    private final PathResolver resolver;
    private final Reporter reporter;

    ExpressionChecker(PathResolver resolver, Reporter reporter) {
        this.resolver = resolver;
        this.reporter = reporter;
    }

    void check(String condition, String pointer, Scope scope, Flow flow) {
        StringSite site = new StringSite(pointer, condition);
        ParseResult<Expr> parsed = ExpressionParser.parse(condition);
        if (parsed instanceof ParseResult.Failed<Expr> failed) {
            SyntaxError error = failed.error();
            site.report(reporter, DiagnosticCode.EXPRESSION_SYNTAX, error.offset(), error.message());
            return;
        }
        Expr expr = parsed.value();
        new Typing(site, scope, flow).type(expr);
        if (!dependsOnRunData(expr)) {
            site.report(reporter, DiagnosticCode.CONSTANT_CONDITION, 0,
                    "the condition does not read any run data, so it always has the same value");
        }
    }

    private static boolean dependsOnRunData(Expr expr) {
        return switch (expr) {
            case Expr.PathRef p -> true;
            case Expr.Not n -> dependsOnRunData(n.operand());
            case Expr.Logical l -> dependsOnRunData(l.left()) || dependsOnRunData(l.right());
            case Expr.Comparison c -> dependsOnRunData(c.left()) || dependsOnRunData(c.right());
            case Expr.Literal l -> false;
        };
    }

    private final class Typing {
        private final StringSite site;
        private final Scope scope;
        private final Flow flow;

        Typing(StringSite site, Scope scope, Flow flow) {
            this.site = site;
            this.scope = scope;
            this.flow = flow;
        }

        DataType type(Expr expr) {
            return switch (expr) {
                case Expr.StringLit s -> DataType.STRING;
                case Expr.NumberLit n -> n.value().stripTrailingZeros().scale() <= 0 ? DataType.INTEGER : DataType.NUMBER;
                case Expr.BooleanLit b -> DataType.BOOLEAN;
                case Expr.NullLit n -> DataType.NULL;
                case Expr.PathRef p -> resolver.resolve(p.path(), site, scope, flow);
                case Expr.Not n -> {
                    type(n.operand());
                    yield DataType.BOOLEAN;
                }
                case Expr.Logical l -> {
                    type(l.left());
                    type(l.right());
                    yield DataType.BOOLEAN;
                }
                case Expr.Comparison c -> {
                    compare(c, type(c.left()), type(c.right()));
                    yield DataType.BOOLEAN;
                }
            };
        }

        private void compare(Expr.Comparison c, DataType left, DataType right) {
            if (c.op().isEquality()) {
                equality(c, left, right);
            } else {
                ordering(c, left, right);
            }
        }

        private void equality(Expr.Comparison c, DataType left, DataType right) {
            if (left.equals(DataType.NULL) || right.equals(DataType.NULL) || left.isAny() || right.isAny()) {
                return;
            }
            if (isCollection(left) || isCollection(right)) {
                Expr offender = isCollection(left) ? c.left() : c.right();
                DataType type = isCollection(left) ? left : right;
                mismatch(c, offender, text(offender) + " is " + Types.kind(type)
                        + "; only strings, numbers and booleans can be compared");
                return;
            }
            boolean comparable = (left.isString() && right.isString()) || (left.isNumeric() && right.isNumeric())
                    || (left.isBoolean() && right.isBoolean());
            if (!comparable) {
                mismatch(c, null, text(c.left()) + " is " + Types.kind(left) + " but " + text(c.right()) + " is "
                        + Types.kind(right) + "; values of different types are never equal (there is no coercion)");
                return;
            }
            impossibleEnumValue(c.left(), left, c.right());
            impossibleEnumValue(c.right(), right, c.left());
        }

        private void ordering(Expr.Comparison c, DataType left, DataType right) {
            if (isOrderable(left) && isOrderable(right)
                    && (left.isAny() || right.isAny() || (left.isNumeric() && right.isNumeric())
                    || (left.isString() && right.isString()))) {
                return;
            }
            Expr offender = !isOrderable(left) ? c.left() : !isOrderable(right) ? c.right() : null;
            String detail = offender == null
                    ? text(c.left()) + " is " + Types.kind(left) + " but " + text(c.right()) + " is " + Types.kind(right)
                    : text(offender) + " is " + Types.kind(offender == c.left() ? left : right);
            mismatch(c, offender, "'" + c.op().symbol() + "' compares two numbers or two strings; " + detail);
        }

        private void impossibleEnumValue(Expr side, DataType type, Expr other) {
            if (type instanceof DataType.EnumType e && other instanceof Expr.StringLit literal
                    && !e.values().contains(literal.value())) {
                String suggestion = Suggestions.closest(literal.value(), e.values())
                        .map(s -> "; did you mean " + Quote.of(s) + "?").orElse("");
                site.report(reporter, DiagnosticCode.IMPOSSIBLE_COMPARISON, literal.start(), text(side) + " is never "
                        + Quote.of(literal.value()) + " (it is one of " + e.describe() + ")" + suggestion);
            }
        }

        /** Reported at the offending operand when there is one, else at the literal side, else the operator. */
        private void mismatch(Expr.Comparison c, Expr offender, String message) {
            int offset;
            if (offender != null) {
                offset = offender.start();
            } else if (c.right() instanceof Expr.Literal) {
                offset = c.right().start();
            } else if (c.left() instanceof Expr.Literal) {
                offset = c.left().start();
            } else {
                offset = c.operatorOffset();
            }
            site.report(reporter, DiagnosticCode.TYPE_MISMATCH, offset, message);
        }

        private static boolean isCollection(DataType type) {
            return type instanceof DataType.ArrayType || type instanceof DataType.ObjectType;
        }

        private static boolean isOrderable(DataType type) {
            return type.isAny() || type.isNumeric() || type.isString();
        }

        private String text(Expr expr) {
            return switch (expr) {
                case Expr.PathRef p -> p.path().text();
                case Expr.StringLit s -> Quote.of(s.value());
                case Expr.NumberLit n -> n.value().toString();
                case Expr.BooleanLit b -> Boolean.toString(b.value());
                case Expr.NullLit n -> "null";
                default -> "the expression at column " + (expr.start() + 1);
            };
        }
    }
}
