package io.crawlseq.lang.expr;

import io.crawlseq.lang.expr.Expr.CompareOp;
import io.crawlseq.lang.expr.Expr.LogicalOp;
import io.crawlseq.lang.expr.Lexer.Kind;
import io.crawlseq.lang.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the condition language of SPEC §2: literals, dotted paths, {@code === !== == != < <= > >=},
 * {@code && || !} and parentheses, with JavaScript precedence. Nothing else: no calls, no
 * assignment, no arithmetic. Comparisons do not chain ({@code a < b < c} is an error, not a
 * JavaScript surprise).
 *
 * <pre>
 * expr       := or
 * or         := and ( '||' and )*
 * and        := equality ( '&amp;&amp;' equality )*
 * equality   := relational ( ( '===' | '!==' | '==' | '!=' ) relational )?
 * relational := unary ( ( '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) unary )?
 * unary      := '!' unary | primary
 * primary    := STRING | NUMBER | 'true' | 'false' | 'null' | path | '(' expr ')'
 * path       := IDENT ( '.' IDENT | '[' DIGITS ']' )*
 * </pre>
 */
public final class ExpressionParser {

    /** Longer expressions are rejected outright; no real condition comes near this. */
    public static final int MAX_LENGTH = 4096;
    /** Deeper nesting of parentheses or {@code !} is rejected instead of risking the stack. */
    public static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int index;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole condition. Never throws on bad input. */
    public static ParseResult<Expr> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return new ParseResult.Failed<>(new SyntaxError(
                    "expression is longer than " + MAX_LENGTH + " characters", 0));
        }
        if (text.isBlank()) {
            return new ParseResult.Failed<>(new SyntaxError("expected an expression", 0));
        }
        try {
            ExpressionParser parser = new ExpressionParser(new Lexer(text).tokenize());
            Expr expr = parser.or();
            Token trailing = parser.peek();
            if (trailing.kind() != Kind.END) {
                return fail(parser.unexpected(trailing, "expected an operator or the end of the expression"));
            }
            return new ParseResult.Ok<>(expr);
        } catch (Lexer.LexError e) {
            return fail(new SyntaxError(e.getMessage(), e.offset));
        } catch (Failure f) {
            return fail(f.error);
        }
    }

    /**
     * Parses a bare path such as {@code results.hubs.hubs} or {@code country.code} (ForEach
     * {@code each}, template contents). Surrounding whitespace is not allowed here; callers trim.
     */
    public static ParseResult<Path> parsePath(String text) {
        if (text.isEmpty()) {
            return new ParseResult.Failed<>(new SyntaxError("expected a path such as context.countries", 0));
        }
        if (text.length() > MAX_LENGTH) {
            return new ParseResult.Failed<>(new SyntaxError("path is longer than " + MAX_LENGTH + " characters", 0));
        }
        if (!Lexer.isIdentStart(text.charAt(0))) {
            return new ParseResult.Failed<>(new SyntaxError(
                    "a path starts with a name (context, results or a loop variable)", 0));
        }
        Lexer lexer = new Lexer(text);
        try {
            List<Path.Segment> segments = new ArrayList<>();
            segments.add(new Path.Field(lexer.identifier(), 0));
            segments.addAll(lexer.readPathTail(true));
            if (lexer.position() != text.length()) {
                return new ParseResult.Failed<>(new SyntaxError(
                        "unexpected '" + text.charAt(lexer.position()) + "' in path", lexer.position()));
            }
            return new ParseResult.Ok<>(new Path(segments, 0, text.length()));
        } catch (Lexer.LexError e) {
            return new ParseResult.Failed<>(new SyntaxError(e.getMessage(), e.offset));
        }
    }

    private static <T> ParseResult<T> fail(SyntaxError error) {
        return new ParseResult.Failed<>(error);
    }

    private Expr or() {
        Expr left = and();
        while (peek().kind() == Kind.OR) {
            advance();
            left = new Expr.Logical(LogicalOp.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (peek().kind() == Kind.AND) {
            advance();
            left = new Expr.Logical(LogicalOp.AND, left, equality());
        }
        return left;
    }

    private Expr equality() {
        Expr left = relational();
        CompareOp op = equalityOp(peek().kind());
        if (op == null) {
            return left;
        }
        Token opToken = advance();
        Expr right = relational();
        if (equalityOp(peek().kind()) != null) {
            throw new Failure(new SyntaxError("comparisons cannot be chained; use && between them", peek().offset()));
        }
        return new Expr.Comparison(op, left, right, opToken.offset());
    }

    private Expr relational() {
        Expr left = unary();
        CompareOp op = relationalOp(peek().kind());
        if (op == null) {
            return left;
        }
        Token opToken = advance();
        Expr right = unary();
        if (relationalOp(peek().kind()) != null) {
            throw new Failure(new SyntaxError("comparisons cannot be chained; use && between them", peek().offset()));
        }
        return new Expr.Comparison(op, left, right, opToken.offset());
    }

    private Expr unary() {
        Token t = peek();
        if (t.kind() == Kind.NOT) {
            advance();
            enter(t);
            try {
                return new Expr.Not(unary(), t.offset());
            } finally {
                depth--;
            }
        }
        return primary();
    }

    private Expr primary() {
        Token t = advance();
        return switch (t.kind()) {
            case STRING -> new Expr.StringLit((String) t.value(), t.offset());
            case NUMBER -> new Expr.NumberLit((java.math.BigDecimal) t.value(), t.offset());
            case TRUE -> new Expr.BooleanLit(true, t.offset());
            case FALSE -> new Expr.BooleanLit(false, t.offset());
            case NULL -> new Expr.NullLit(t.offset());
            case PATH -> new Expr.PathRef((Path) t.value());
            case LPAREN -> {
                enter(t);
                try {
                    Expr inner = or();
                    Token close = advance();
                    if (close.kind() != Kind.RPAREN) {
                        throw new Failure(unexpected(close, "expected ')' to close the '(' at column " + (t.offset() + 1)));
                    }
                    yield inner;
                } finally {
                    depth--;
                }
            }
            default -> throw new Failure(unexpected(t, "expected a value, a path or '('"));
        };
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new Failure(new SyntaxError("expression nested deeper than " + MAX_DEPTH + " levels", t.offset()));
        }
    }

    private SyntaxError unexpected(Token t, String expectation) {
        if (t.kind() == Kind.END) {
            return new SyntaxError("unexpected end of expression; " + expectation, t.offset());
        }
        return new SyntaxError("unexpected '" + t.text() + "'; " + expectation, t.offset());
    }

    private static CompareOp equalityOp(Kind kind) {
        return switch (kind) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LOOSE_EQ -> CompareOp.LOOSE_EQ;
            case LOOSE_NE -> CompareOp.LOOSE_NE;
            default -> null;
        };
    }

    private static CompareOp relationalOp(Kind kind) {
        return switch (kind) {
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            case GE -> CompareOp.GE;
            default -> null;
        };
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) {
            index++;
        }
        return t;
    }

    /** Unwinds the recursive descent with the first error; never escapes {@link #parse}. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SyntaxError error;

        Failure(SyntaxError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
