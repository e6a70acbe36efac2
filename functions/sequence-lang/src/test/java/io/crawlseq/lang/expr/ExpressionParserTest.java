package io.crawlseq.lang.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static Expr ok(String text) {
        ParseResult<Expr> r = ExpressionParser.parse(text);
        assertThat(r.isOk()).as("%s: %s", text, r).isTrue();
        return r.value();
    }

    private static SyntaxError error(String text) {
        ParseResult<Expr> r = ExpressionParser.parse(text);
        assertThat(r).as(text).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed<Expr>) r).error();
    }

    @Test
    void briefExamples_parse_withJavaScriptPrecedence() {
        Expr e = ok("results.lastCommand.success && results.lastCommand.hubCount > 10");

        Expr.Logical and = (Expr.Logical) e;
        assertThat(and.op()).isEqualTo(Expr.LogicalOp.AND);
        assertThat(((Expr.PathRef) and.left()).path().text()).isEqualTo("results.lastCommand.success");
        Expr.Comparison gt = (Expr.Comparison) and.right();
        assertThat(gt.op()).isEqualTo(Expr.CompareOp.GT);
        assertThat(gt.operatorOffset()).isEqualTo(60);
        assertThat(((Expr.NumberLit) gt.right()).value()).isEqualByComparingTo("10");
        assertThat(ok("results.step1.status === 'success'")).isInstanceOf(Expr.Comparison.class);
    }

    @Test
    void orBindsLooserThanAnd_andNotBindsTighterThanComparison() {
        Expr.Logical or = (Expr.Logical) ok("a.x || b.y && !c.z");

        assertThat(or.op()).isEqualTo(Expr.LogicalOp.OR);
        assertThat(((Expr.Logical) or.right()).op()).isEqualTo(Expr.LogicalOp.AND);
        assertThat(((Expr.Logical) or.right()).right()).isInstanceOf(Expr.Not.class);
    }

    @Test
    void pathSegments_keepTheirOffsets() {
        Expr.Comparison c = (Expr.Comparison) ok("  results.hubs.hubs[2].url == \"x\"");
        Path p = ((Expr.PathRef) c.left()).path();

        assertThat(p.start()).isEqualTo(2);
        assertThat(p.segments()).extracting(Path.Segment::offset).containsExactly(2, 10, 15, 19, 23);
        assertThat(p.text()).isEqualTo("results.hubs.hubs[2].url");
        assertThat(((Expr.StringLit) c.right()).start()).isEqualTo(30);
    }

    @Test
    void literals_areTyped() {
        assertThat(ok("'it\\'s'")).isEqualTo(new Expr.StringLit("it's", 0));
        assertThat(ok("-1.5e2")).isInstanceOf(Expr.NumberLit.class);
        assertThat(ok("true")).isEqualTo(new Expr.BooleanLit(true, 0));
        assertThat(ok("null")).isEqualTo(new Expr.NullLit(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (a.b && c.d                 | 11 | unexpected end of expression; expected ')' to close the '(' at column 1
            a.b ===                     |  7 | unexpected end of expression; expected a value, a path or '('
            a.b = 'x'                   |  4 | '=' is assignment, which is not allowed; did you mean '==='?
            a.b & c                     |  4 | '&' is not allowed; did you mean '&&'?
            a.b + 1 > 2                 |  4 | arithmetic is not allowed in expressions
            a.includes('x')             |  0 | function calls are not allowed in expressions
            1 < a.b < 3                 |  8 | comparisons cannot be chained; use && between them
            'open                       |  0 | unterminated string
            a..b                        |  2 | expected a field name after '.'
            a.b[x]                      |  3 | expected a non-negative array index like [0]
            a.b ? 1 : 2                 |  4 | the conditional operator ?: is not allowed
            {{a.b}} === 1               |  0 | templates ({{...}}) are not used in conditions; write the path directly
            a.b c.d                     |  4 | unexpected 'c.d'; expected an operator or the end of the expression
            undefined                   |  0 | 'undefined' is not a value here; use a path alone to test presence
            12abc                       |  0 | malformed number
            """)
    void syntaxErrors_sayWhatIsWrong_atTheRightOffset(String text, int offset, String message) {
        SyntaxError e = error(text);

        assertThat(e.message()).isEqualTo(message);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void blankAndOverlongAndOverNestedExpressions_areErrors_notCrashes() {
        assertThat(error("   ").message()).isEqualTo("expected an expression");
        assertThat(error("a".repeat(5000)).message()).isEqualTo("expression is longer than 4096 characters");
        assertThat(error("(".repeat(100) + "a" + ")".repeat(100)).message()).isEqualTo("expression nested deeper than 64 levels");
        assertThat(error("!".repeat(100) + "a").offset()).isEqualTo(64);
    }

    @Test
    void parsePath_acceptsOnlyABarePath() {
        assertThat(ExpressionParser.parsePath("results.hubs.hubs").value().names()).containsExactly("results", "hubs", "hubs");
        ParseResult<Path> bad = ExpressionParser.parsePath("results.hubs x");
        assertThat(bad.<String>fold(p -> "ok", e -> e.offset() + ": " + e.message())).isEqualTo("12: unexpected ' ' in path");
        assertThat(ExpressionParser.parsePath("1abc").<String>fold(p -> "ok", SyntaxError::message))
                .isEqualTo("a path starts with a name (context, results or a loop variable)");
    }
}
