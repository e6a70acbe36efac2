package io.crawlseq.engine.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.jsonpath.InvalidJsonPathException;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A compiled intrinsic function call such as {@code States.Format('{} items', States.ArrayLength($.a))}.
 * Arguments are nested calls (at most 10 deep), paths ({@code $...}, {@code $$...}), quoted strings with
 * the escapes {@code \' \{ \} \\}, numbers, {@code true}, {@code false} and {@code null}. Immutable.
 */
public final class IntrinsicExpression {

    public static final int MAX_NESTING = 10;

    private final String text;
    private final IntrinsicArgument.Call call;

    private IntrinsicExpression(String text, IntrinsicArgument.Call call) {
        this.text = text;
        this.call = call;
    }

    /** True when {@code text} looks like an intrinsic call (as opposed to a path). */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /** Compiles {@code text}; a malformed call throws {@link InvalidIntrinsicException}. */
    public static IntrinsicExpression compile(String text) {
        Parser parser = new Parser(text);
        IntrinsicArgument.Call call = parser.call(1);
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return new IntrinsicExpression(text, call);
    }

    public String text() {
        return text;
    }

    public IntrinsicArgument.Call call() {
        return call;
    }

    /**
     * Evaluates the call. Paths read {@code input}, context paths read {@code context}; {@code random}
     * serves States.UUID and unseeded States.MathRandom.
     *
     * @throws IntrinsicFailure when an argument is missing or of the wrong kind
     */
    public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
        return evaluate(call, input, context, random);
    }

    private static JsonNode evaluate(IntrinsicArgument.Call call, JsonNode input, Supplier<JsonNode> context,
                                     Random random) {
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicArgument argument : call.arguments()) {
            values.add(switch (argument) {
                case IntrinsicArgument.Literal literal -> literal.value();
                case IntrinsicArgument.StringLiteral literal -> Json.NODES.textNode(literal.value());
                case IntrinsicArgument.PathArgument path -> resolve(path.path(), input, context);
                case IntrinsicArgument.Call nested -> evaluate(nested, input, context, random);
            });
        }
        return call.function().apply(values, call, random);
    }

    private static JsonNode resolve(JsonPath path, JsonNode input, Supplier<JsonNode> context) {
        JsonNode document = path.isContextPath() ? context.get() : input;
        return path.find(document).orElseThrow(() -> new IntrinsicFailure(
                "The JsonPath argument for the field '" + path.text() + "' could not be found in the input '"
                        + Json.render(document) + "'"));
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        IntrinsicArgument.Call call(int depth) {
            if (depth > MAX_NESTING) {
                throw error("intrinsic functions nest at most " + MAX_NESTING + " deep");
            }
            int start = pos;
            if (!text.startsWith("States.", pos)) {
                throw error("expected an intrinsic function name starting with 'States.'");
            }
            pos += "States.".length();
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            IntrinsicFunction function = IntrinsicFunction.byName(name)
                    .orElseThrow(() -> errorAt(start, "unknown intrinsic function '" + name + "'"));
            skipSpaces();
            expect('(');
            List<IntrinsicArgument> arguments = new ArrayList<>();
            skipSpaces();
            if (!peek(')')) {
                arguments.add(argument(depth));
                skipSpaces();
                while (peek(',')) {
                    pos++;
                    arguments.add(argument(depth));
                    skipSpaces();
                }
            }
            expect(')');
            checkArity(function, arguments.size(), start);
            return new IntrinsicArgument.Call(function, arguments, text.substring(start, pos));
        }

        private void checkArity(IntrinsicFunction function, int count, int at) {
            if (count < function.minArguments() || count > function.maxArguments()) {
                String expected = function.minArguments() == function.maxArguments()
                        ? "exactly " + function.minArguments()
                        : function.maxArguments() == Integer.MAX_VALUE
                        ? "at least " + function.minArguments()
                        : function.minArguments() + " to " + function.maxArguments();
                throw errorAt(at, function.functionName() + " takes " + expected + " argument"
                        + (function.maxArguments() == 1 && function.minArguments() == 1 ? "" : "s")
                        + " but got " + count);
            }
        }

        private IntrinsicArgument argument(int depth) {
            skipSpaces();
            if (text.startsWith("States.", pos)) {
                return call(depth + 1);
            }
            if (peek('$')) {
                return path();
            }
            if (peek('\'')) {
                return string();
            }
            return literal();
        }

        private IntrinsicArgument path() {
            int start = pos;
            int brackets = 0;
            int parens = 0;
            char quote = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    if (c == '\\') {
                        pos++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if ((c == '\'' || c == '"') && brackets > 0) {
                    quote = c;
                } else if (c == '[') {
                    brackets++;
                } else if (c == ']') {
                    brackets--;
                } else if (c == '(' && brackets > 0) {
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                } else if ((c == ',' || c == ')') && brackets == 0) {
                    break;
                }
                pos++;
            }
            String pathText = text.substring(start, pos).strip();
            try {
                return new IntrinsicArgument.PathArgument(JsonPath.compile(pathText));
            } catch (InvalidJsonPathException e) {
                throw errorAt(start, e.getMessage());
            }
        }

        private IntrinsicArgument string() {
            int start = pos;
            pos++;
            StringBuilder value = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '\'') {
                char c = text.charAt(pos);
                if (c == '\\') {
                    if (pos + 1 >= text.length() || "'{}\\".indexOf(text.charAt(pos + 1)) < 0) {
                        throw error("a backslash must escape one of ' { } \\");
                    }
                    value.append(text.charAt(pos + 1));
                    pos += 2;
                } else {
                    value.append(c);
                    pos++;
                }
            }
            if (pos >= text.length()) {
                throw errorAt(start, "unterminated string literal");
            }
            pos++;
            return new IntrinsicArgument.StringLiteral(text.substring(start + 1, pos - 1), value.toString());
        }

        private IntrinsicArgument literal() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                pos++;
            }
            String token = text.substring(start, pos).strip();
            if (token.isEmpty()) {
                throw errorAt(start, "expected an argument");
            }
            JsonNode value;
            try {
                value = Json.parse(token);
            } catch (JsonProcessingException e) {
                value = null;
            }
            if (value == null || !(value.isNumber() || value.isBoolean() || value.isNull())) {
                throw errorAt(start, "'" + token + "' is not a path, a quoted string, a number, true, false or null");
            }
            return new IntrinsicArgument.Literal(value);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error(pos < text.length() ? "expected '" + c + "' but found '" + text.charAt(pos) + "'"
                        : "expected '" + c + "' but the expression ended");
            }
            pos++;
        }

        InvalidIntrinsicException error(String reason) {
            return errorAt(pos, reason);
        }

        InvalidIntrinsicException errorAt(int at, String reason) {
            return new InvalidIntrinsicException(text, at, reason);
        }
    }
}
