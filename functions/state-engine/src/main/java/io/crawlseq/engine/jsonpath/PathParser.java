package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.internal.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for {@link JsonPath}. Grammar:
 * <pre>
 * path      := '$' '$'? segment*
 * segment   := '.' name | '.*' | '..' (name | '*' | bracket) | bracket
 * bracket   := '[' ( '*' | index (',' index)* | slice | quoted (',' quoted)* | '?(' or ')' ) ']'
 * slice     := int? ':' int? (':' int?)?
 * or        := and ('||' and)*        and := unary ('&amp;&amp;' unary)*
 * unary     := '!' unary | '(' or ')' | operand (op operand)?
 * operand   := '@' segment* | '$' segment* | number | quoted | true | false | null
 * op        := '==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * </pre>
 */
final class PathParser {

    /** Filters nest at most this deep, so a hostile path cannot exhaust the stack. */
    static final int MAX_FILTER_DEPTH = 32;

    private final String text;
    private int pos;
    private int depth;

    PathParser(String text) {
        this.text = text;
    }

    JsonPath parsePath() {
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw error("a path starts with '$'");
        }
        pos = 1;
        boolean context = peek('$');
        if (context) {
            pos++;
        }
        List<PathSegment> segments = segments(false);
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return new JsonPath(text, context, segments);
    }

    private List<PathSegment> segments(boolean inFilter) {
        List<PathSegment> segments = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                segments.add(dotSegment(inFilter));
            } else if (c == '[') {
                segments.add(bracket());
            } else if (inFilter) {
                break;
            } else {
                throw error("expected '.' or '[' but found '" + c + "'");
            }
        }
        return segments;
    }

    private PathSegment dotSegment(boolean inFilter) {
        pos++;
        if (peek('.')) {
            pos++;
            if (peek('[')) {
                return new PathSegment.DeepScan(bracket());
            }
            if (peek('*')) {
                pos++;
                return new PathSegment.DeepScan(new PathSegment.Wildcard());
            }
            return new PathSegment.DeepScan(new PathSegment.Field(name(inFilter)));
        }
        if (peek('*')) {
            pos++;
            return new PathSegment.Wildcard();
        }
        return new PathSegment.Field(name(inFilter));
    }

    private String name(boolean inFilter) {
        int start = pos;
        while (pos < text.length() && !endsName(text.charAt(pos), inFilter)) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a field name");
        }
        return text.substring(start, pos);
    }

    private static boolean endsName(char c, boolean inFilter) {
        if (c == '.' || c == '[' || c == ']') {
            return true;
        }
        return inFilter && (Character.isWhitespace(c) || "()=!<>&|,".indexOf(c) >= 0);
    }

    private PathSegment bracket() {
        expect('[');
        skipSpaces();
        PathSegment segment;
        if (peek('*')) {
            pos++;
            segment = new PathSegment.Wildcard();
        } else if (peek('?')) {
            pos++;
            skipSpaces();
            expect('(');
            FilterExpression expression = or();
            skipSpaces();
            expect(')');
            segment = new PathSegment.Filter(expression);
        } else if (peek('\'') || peek('"')) {
            segment = quotedNames();
        } else {
            segment = indexesOrSlice();
        }
        skipSpaces();
        expect(']');
        return segment;
    }

    private PathSegment quotedNames() {
        List<PathSegment> names = new ArrayList<>();
        names.add(new PathSegment.Field(quoted()));
        skipSpaces();
        while (peek(',')) {
            pos++;
            skipSpaces();
            names.add(new PathSegment.Field(quoted()));
            skipSpaces();
        }
        return names.size() == 1 ? names.getFirst() : new PathSegment.Union(names);
    }

    private String quoted() {
        if (!peek('\'') && !peek('"')) {
            throw error("expected a quoted name");
        }
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length()) {
            throw error("unterminated quoted name");
        }
        pos++;
        return out.toString();
    }

    private PathSegment indexesOrSlice() {
        Integer first = optionalInt();
        skipSpaces();
        if (peek(':')) {
            pos++;
            skipSpaces();
            Integer end = optionalInt();
            skipSpaces();
            Integer step = null;
            if (peek(':')) {
                pos++;
                skipSpaces();
                step = optionalInt();
                if (step != null && step == 0) {
                    throw error("a slice step cannot be 0");
                }
            }
            return new PathSegment.Slice(first, end, step);
        }
        if (first == null) {
            throw error("expected an index, a slice, '*', '?(' or a quoted name");
        }
        List<PathSegment> indexes = new ArrayList<>();
        indexes.add(new PathSegment.Index(first));
        while (peek(',')) {
            pos++;
            skipSpaces();
            Integer next = optionalInt();
            if (next == null) {
                throw error("expected an index after ','");
            }
            indexes.add(new PathSegment.Index(next));
            skipSpaces();
        }
        return indexes.size() == 1 ? indexes.getFirst() : new PathSegment.Union(indexes);
    }

    private Integer optionalInt() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.equals("-")) {
            throw error("expected digits after '-'");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error("index out of range: " + digits);
        }
    }

    // ---- filter expressions ----

    private FilterExpression or() {
        FilterExpression left = and();
        skipSpaces();
        while (lookingAt("||")) {
            pos += 2;
            left = new FilterExpression.Or(left, and());
            skipSpaces();
        }
        return left;
    }

    private FilterExpression and() {
        FilterExpression left = unary();
        skipSpaces();
        while (lookingAt("&&")) {
            pos += 2;
            left = new FilterExpression.And(left, unary());
            skipSpaces();
        }
        return left;
    }

    private FilterExpression unary() {
        if (++depth > MAX_FILTER_DEPTH) {
            throw error("filter expressions nest at most " + MAX_FILTER_DEPTH + " deep");
        }
        try {
            return unaryAtDepth();
        } finally {
            depth--;
        }
    }

    private FilterExpression unaryAtDepth() {
        skipSpaces();
        if (peek('!') && !lookingAt("!=")) {
            pos++;
            return new FilterExpression.Not(unary());
        }
        if (peek('(')) {
            pos++;
            FilterExpression inner = or();
            skipSpaces();
            expect(')');
            return inner;
        }
        FilterExpression.Operand left = operand();
        skipSpaces();
        FilterExpression.Operator operator = operator();
        if (operator == null) {
            if (left instanceof FilterExpression.Literal) {
                throw error("a literal alone is not a condition");
            }
            return new FilterExpression.Exists(left);
        }
        skipSpaces();
        return new FilterExpression.Comparison(left, operator, operand());
    }

    private FilterExpression.Operator operator() {
        for (FilterExpression.Operator candidate : new FilterExpression.Operator[]{
                FilterExpression.Operator.EQ, FilterExpression.Operator.NE, FilterExpression.Operator.LE,
                FilterExpression.Operator.GE, FilterExpression.Operator.LT, FilterExpression.Operator.GT}) {
            if (lookingAt(candidate.symbol())) {
                pos += candidate.symbol().length();
                return candidate;
            }
        }
        return null;
    }

    private FilterExpression.Operand operand() {
        skipSpaces();
        if (peek('@') || peek('$')) {
            boolean fromRoot = peek('$');
            pos++;
            return new FilterExpression.PathOperand(fromRoot, segments(true));
        }
        if (peek('\'') || peek('"')) {
            return new FilterExpression.Literal(Json.NODES.textNode(quoted()));
        }
        for (String keyword : new String[]{"true", "false", "null"}) {
            if (lookingAt(keyword)) {
                pos += keyword.length();
                JsonNode value = switch (keyword) {
                    case "true" -> Json.NODES.booleanNode(true);
                    case "false" -> Json.NODES.booleanNode(false);
                    default -> Json.NODES.nullNode();
                };
                return new FilterExpression.Literal(value);
            }
        }
        return new FilterExpression.Literal(number());
    }

    private JsonNode number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "+-.eE".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.isEmpty()) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "' in filter" : "unexpected end of filter");
        }
        try {
            BigDecimal value = new BigDecimal(literal);
            return value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? Json.number(value.longValueExact())
                    : Json.NODES.numberNode(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("not a number: " + literal);
        }
    }

    // ---- scanning ----

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error(pos < text.length()
                    ? "expected '" + c + "' but found '" + text.charAt(pos) + "'"
                    : "expected '" + c + "' but the path ended");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private InvalidJsonPathException error(String reason) {
        return new InvalidJsonPathException(text, pos, reason);
    }
}
