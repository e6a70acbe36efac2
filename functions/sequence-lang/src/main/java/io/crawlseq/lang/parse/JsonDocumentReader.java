package io.crawlseq.lang.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crawlseq.lang.diag.DiagnosticCode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads strict JSON (RFC 8259: no comments, no trailing commas, one value per file) with Jackson's
 * streaming parser, building the tree and source map through {@link TreeBuilder}.
 */
final class JsonDocumentReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SourceText text;
    private final TreeBuilder builder;
    private final ParseReport report;

    JsonDocumentReader(SourceText text, TreeBuilder builder, ParseReport report) {
        this.text = text;
        this.builder = builder;
        this.report = report;
    }

    void read() {
        try (JsonParser parser = FACTORY.createParser(text.text())) {
            readRoot(parser);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                report.error(DiagnosticCode.SYNTAX_ERROR,
                        "unexpected content after the end of the document; a file holds one JSON value",
                        "", positionOfToken(parser));
            }
        } catch (TreeBuilder.TooDeep e) {
            // reported by the builder
        } catch (JsonProcessingException e) {
            reportSyntaxError(e);
        } catch (IOException e) {
            // reading from a String cannot fail with plain I/O; anything else is a parser bug
            throw new IllegalStateException("unexpected I/O error parsing an in-memory string", e);
        }
    }

    private void readRoot(JsonParser parser) throws IOException, TreeBuilder.TooDeep {
        JsonToken token;
        do {
            token = parser.nextToken();
            if (token == null) {
                return;
            }
            Position at = positionOfToken(parser);
            switch (token) {
                case START_OBJECT -> builder.startObject(at);
                case START_ARRAY -> builder.startArray(at);
                case END_OBJECT, END_ARRAY -> builder.end();
                case FIELD_NAME -> builder.key(parser.currentName(), at);
                case VALUE_STRING -> string(parser, at);
                case VALUE_NUMBER_INT -> builder.scalar(integer(parser), at, null);
                case VALUE_NUMBER_FLOAT -> builder.scalar(decimal(parser), at, null);
                case VALUE_TRUE -> builder.scalar(NODES.booleanNode(true), at, null);
                case VALUE_FALSE -> builder.scalar(NODES.booleanNode(false), at, null);
                case VALUE_NULL -> builder.scalar(NODES.nullNode(), at, null);
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
        } while (!builder.atTopLevel());
    }

    private void string(JsonParser parser, Position at) throws IOException {
        String value = parser.getText();
        int quote = (int) parser.currentTokenLocation().getCharOffset();
        builder.scalar(NODES.textNode(value), at, isVerbatim(quote, value) ? text.positionOf(quote + 1) : null);
    }

    /**
     * True when the characters after the opening quote are exactly the value followed by the
     * closing quote. Any escape makes the source longer than the value, so they cannot match.
     */
    private boolean isVerbatim(int quote, String value) {
        String src = text.text();
        int end = quote + 1 + value.length();
        return end < src.length() && src.charAt(end) == '"' && src.regionMatches(quote + 1, value, 0, value.length());
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode decimal(JsonParser parser) throws IOException {
        double d = parser.getDoubleValue();
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.numberNode(parser.getDecimalValue());
    }

    private Position positionOfToken(JsonParser parser) {
        return text.positionOf((int) parser.currentTokenLocation().getCharOffset());
    }

    private void reportSyntaxError(JsonProcessingException e) {
        long offset = e.getLocation() == null ? text.length() : e.getLocation().getCharOffset();
        String raw = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        Cleaned cleaned = clean(raw);
        int at = (int) Math.max(0, Math.min(text.length(), offset - cleaned.backUp()));
        report.error(DiagnosticCode.SYNTAX_ERROR, cleaned.message(), builder::currentChildPointer, text.positionOf(at));
    }

    private record Cleaned(String message, int backUp) {
    }

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern UNEXPECTED_CTRL = Pattern.compile("^(?:Unexpected|Illegal) (?:unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern NON_STANDARD = Pattern.compile("^Non-standard token '(.*?)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern BAD_ESCAPE = Pattern.compile("^Unrecognized character escape '(.+?)'");

    /** Jackson's messages name its internals (features, source descriptions); say it in user terms. */
    private Cleaned clean(String raw) {
        String open = builder.innermostOpen().orElse(null);
        Matcher m;
        if ((m = UNEXPECTED_CTRL.matcher(raw)).find()) {
            int code = Integer.parseInt(m.group(1));
            String what = code == 10 || code == 13 ? "a line break" : code == 9 ? "a tab" : String.format("control character U+%04X", code);
            return new Cleaned(what + " is not allowed here; inside a string write it as an escape (\\n, \\t, \\u0000)", 0);
        }
        if ((m = UNEXPECTED_CHAR.matcher(raw)).find()) {
            String ch = m.group(1);
            String rest = raw.substring(m.end());
            String expected;
            if (rest.contains("double-quote to start field name")) {
                expected = ch.equals("}") ? "expected a key in double quotes (trailing commas are not allowed in JSON)"
                        : ch.equals("'") ? "expected a key in double quotes (JSON strings use double quotes)"
                        : "expected a key in double quotes";
            } else if (rest.contains("colon to separate")) {
                expected = "expected ':' after the key";
            } else if (rest.contains("separate Object entries")) {
                expected = "expected ',' or '}'";
            } else if (rest.contains("separate Array entries")) {
                expected = "expected ',' or ']'";
            } else if (rest.contains("comment")) {
                return new Cleaned("comments are not allowed in JSON (YAML files may have # comments)", 0);
            } else if (ch.equals("'")) {
                expected = "JSON strings use double quotes";
            } else if (ch.equals("]") || ch.equals("}")) {
                expected = "expected a value (trailing commas are not allowed in JSON)";
            } else {
                expected = "expected a value (a string, number, object, array, true, false or null)";
            }
            return new Cleaned("unexpected " + (ch.equals("'") ? "\"'\"" : "'" + ch + "'") + "; " + expected, 0);
        }
        if ((m = UNRECOGNIZED_TOKEN.matcher(raw)).find()) {
            String token = m.group(1);
            return new Cleaned("unrecognized word " + io.crawlseq.lang.diag.Quote.of(token)
                    + "; expected a value (strings need double quotes; true, false and null are lower case)", 0);
        }
        if ((m = NON_STANDARD.matcher(raw)).find()) {
            return new Cleaned(io.crawlseq.lang.diag.Quote.of(m.group(1)) + " is not a JSON value", m.group(1).length());
        }
        if ((m = CLOSE_MARKER.matcher(raw)).find()) {
            return new Cleaned("unexpected '" + m.group(1) + "'; expected '" + m.group(2) + "' to close "
                    + (open == null ? "the open collection" : open), 0);
        }
        if ((m = BAD_ESCAPE.matcher(raw)).find()) {
            return new Cleaned("unknown escape '\\" + m.group(1) + "' in a string", 0);
        }
        if (raw.startsWith("Unexpected end-of-input")) {
            if (raw.contains("in a String value") || raw.contains("in VALUE_STRING")) {
                return new Cleaned("unexpected end of file inside a string; a closing '\"' is missing", 0);
            }
            return new Cleaned("unexpected end of file; " + (open == null ? "the document is incomplete" : open + " is not closed"), 0);
        }
        if (raw.contains("Leading zeroes not allowed")) {
            return new Cleaned("numbers must not start with a leading zero", 0);
        }
        return new Cleaned(genericCleanup(raw), 0);
    }

    private static String genericCleanup(String raw) {
        String s = raw.replaceAll("\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:[^]]*]\\)", "")
                .replaceAll("\\s*\\[Source:[^]]*]", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\s*\\n.*", "")
                .strip();
        if (s.isEmpty()) {
            return "malformed JSON";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
