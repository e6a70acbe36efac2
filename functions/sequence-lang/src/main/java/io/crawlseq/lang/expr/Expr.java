package io.crawlseq.lang.expr;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The AST of a condition ({@code Conditional.if}). Every node carries its 0-based {@code start}
 * offset in the expression text so problems can be reported at the right column.
 */
public sealed interface Expr {

    int start();

    /** A string, number, boolean or null literal. */
    sealed interface Literal extends Expr permits StringLit, NumberLit, BooleanLit, NullLit {
    }

    record StringLit(String value, int start) implements Literal {
        public StringLit {
            Objects.requireNonNull(value, "value");
        }
    }

    record NumberLit(BigDecimal value, int start) implements Literal {
        public NumberLit {
            Objects.requireNonNull(value, "value");
        }
    }

    record BooleanLit(boolean value, int start) implements Literal {
    }

    record NullLit(int start) implements Literal {
    }

    record PathRef(Path path) implements Expr {
        @Override
        public int start() {
            return path.start();
        }
    }

    /** {@code !operand}. */
    record Not(Expr operand, int start) implements Expr {
    }

    /** {@code left && right} / {@code left || right}. */
    record Logical(LogicalOp op, Expr left, Expr right) implements Expr {
        @Override
        public int start() {
            return left.start();
        }
    }

    /** {@code left op right} for the six comparison operators. */
    record Comparison(CompareOp op, Expr left, Expr right, int operatorOffset) implements Expr {
        @Override
        public int start() {
            return left.start();
        }
    }

    enum LogicalOp {
        AND("&&"), OR("||");

        private final String symbol;

        LogicalOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Comparison operators. {@code ==} and {@code !=} behave exactly like {@code ===} and
     * {@code !==}: there is no type coercion in this language (Step Functions has none either).
     */
    enum CompareOp {
        EQ("==="), NE("!=="), LOOSE_EQ("=="), LOOSE_NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isEquality() {
            return this == EQ || this == NE || this == LOOSE_EQ || this == LOOSE_NE;
        }

        public boolean isNegated() {
            return this == NE || this == LOOSE_NE;
        }
    }
}
