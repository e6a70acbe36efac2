package io.crawlseq.lang.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Paths are single tokens so that {@code a . b} is rejected. */
final class Lexer {

    enum Kind {
        PATH, STRING, NUMBER, TRUE, FALSE, NULL, AND, OR, NOT, EQ, NE, LOOSE_EQ, LOOSE_NE, LT, LE, GT, GE,
        LPAREN, RPAREN, END
    }

    record Token(Kind kind, int offset, String text, Object value) {
    }

    /** Thrown inside the package only; {@link ExpressionParser} turns it into a {@link SyntaxError}. */
    static final class LexError extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        LexError(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final String src;
    private int pos;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokenize() throws LexError {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Kind.END, pos, "", null));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private Token next() throws LexError {
        int start = pos;
        char c = src.charAt(pos);
        if (isIdentStart(c)) {
            return pathOrKeyword(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        return operator(start, c);
    }

    private Token pathOrKeyword(int start) throws LexError {
        List<Path.Segment> segments = new ArrayList<>();
        String first = identifier();
        segments.add(new Path.Field(first, start));
        if (!(peek() == '.' || peek() == '[')) {
            switch (first) {
                case "true" -> {
                    return new Token(Kind.TRUE, start, first, Boolean.TRUE);
                }
                case "false" -> {
                    return new Token(Kind.FALSE, start, first, Boolean.FALSE);
                }
                case "null" -> {
                    return new Token(Kind.NULL, start, first, null);
                }
                case "undefined" -> throw new LexError("'undefined' is not a value here; use a path alone to test presence", start);
                default -> {
                    // plain one-segment path
                }
            }
        }
        segments.addAll(readPathTail(true));
        if (peek() == '(') {
            throw new LexError("function calls are not allowed in expressions", start);
        }
        return new Token(Kind.PATH, start, src.substring(start, pos), new Path(segments, start, pos));
    }

    /**
     * Reads {@code .name} and {@code [n]} segments following an identifier. Shared with the
     * template parser, which calls it through {@link ExpressionParser#parsePath}.
     */
    List<Path.Segment> readPathTail(boolean allowIndex) throws LexError {
        List<Path.Segment> segments = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '.') {
                int dot = pos;
                pos++;
                if (pos >= src.length() || !isIdentStart(src.charAt(pos))) {
                    throw new LexError("expected a field name after '.'", pos >= src.length() ? dot : pos);
                }
                int nameStart = pos;
                segments.add(new Path.Field(identifier(), nameStart));
            } else if (c == '[' && allowIndex) {
                int open = pos;
                pos++;
                int digitsStart = pos;
                while (pos < src.length() && isDigit(src.charAt(pos))) {
                    pos++;
                }
                if (pos == digitsStart || pos >= src.length() || src.charAt(pos) != ']') {
                    throw new LexError("expected a non-negative array index like [0]", open);
                }
                String digits = src.substring(digitsStart, pos);
                pos++;
                if (digits.length() > 9) {
                    throw new LexError("array index too large", digitsStart);
                }
                segments.add(new Path.Index(Integer.parseInt(digits), open));
            } else {
                break;
            }
        }
        return segments;
    }

    String identifier() {
        int start = pos;
        pos++;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private Token string(int start, char quote) throws LexError {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Kind.STRING, start, src.substring(start, pos), sb.toString());
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    break;
                }
                char e = src.charAt(pos + 1);
                switch (e) {
                    case '\\', '\'', '"', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        if (pos + 6 > src.length() || !src.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}")) {
                            throw new LexError("\\u must be followed by four hex digits", pos);
                        }
                        sb.append((char) Integer.parseInt(src.substring(pos + 2, pos + 6), 16));
                        pos += 4;
                    }
                    default -> throw new LexError("unknown escape \\" + e, pos);
                }
                pos += 2;
                continue;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            sb.append(c);
            pos++;
        }
        throw new LexError("unterminated string", start);
    }

    private Token number(int start) throws LexError {
        if (src.charAt(pos) == '-') {
            pos++;
        }
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            int fracStart = pos;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
            if (pos == fracStart) {
                throw new LexError("expected digits after the decimal point", fracStart - 1);
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int expStart = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                throw new LexError("malformed exponent", expStart);
            }
        }
        if (pos < src.length() && isIdentPart(src.charAt(pos))) {
            throw new LexError("malformed number", start);
        }
        String text = src.substring(start, pos);
        if (text.length() > 40) {
            throw new LexError("number literal too long", start);
        }
        return new Token(Kind.NUMBER, start, text, new BigDecimal(text));
    }

    private Token operator(int start, char c) throws LexError {
        String rest = src.substring(pos, Math.min(src.length(), pos + 3));
        record Op(String symbol, Kind kind) {
        }
        Op[] ops = {
            new Op("===", Kind.EQ), new Op("!==", Kind.NE), new Op("==", Kind.LOOSE_EQ), new Op("!=", Kind.LOOSE_NE),
            new Op("<=", Kind.LE), new Op(">=", Kind.GE), new Op("&&", Kind.AND), new Op("||", Kind.OR),
            new Op("<", Kind.LT), new Op(">", Kind.GT), new Op("!", Kind.NOT), new Op("(", Kind.LPAREN),
            new Op(")", Kind.RPAREN),
        };
        for (Op op : ops) {
            if (rest.startsWith(op.symbol())) {
                pos += op.symbol().length();
                return new Token(op.kind(), start, op.symbol(), null);
            }
        }
        String hint = switch (c) {
            case '=' -> "'=' is assignment, which is not allowed; did you mean '==='?";
            case '&' -> "'&' is not allowed; did you mean '&&'?";
            case '|' -> "'|' is not allowed; did you mean '||'?";
            case '+', '-', '*', '/', '%' -> "arithmetic is not allowed in expressions";
            case '?', ':' -> "the conditional operator ?: is not allowed";
            case '`' -> "template literals are not allowed; use '...' or \"...\"";
            case '{', '}' -> "templates ({{...}}) are not used in conditions; write the path directly";
            default -> "unexpected character '" + new String(Character.toChars(src.codePointAt(pos))) + "'";
        };
        throw new LexError(hint, start);
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    int position() {
        return pos;
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
