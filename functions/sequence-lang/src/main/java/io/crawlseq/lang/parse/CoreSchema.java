package io.crawlseq.lang.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * YAML 1.2 core-schema resolution of plain scalars (YAML spec 10.3.2): the only implicit types are
 * null, booleans, integers and floats. Unlike YAML 1.1, {@code yes}, {@code no}, {@code on},
 * {@code off} and {@code y}/{@code n} stay strings, and there are no sexagesimal numbers or dates.
 */
final class CoreSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private CoreSchema() {
    }

    /** What a plain scalar means, or empty for infinity and NaN, which JSON cannot hold. */
    static Optional<JsonNode> resolvePlain(String text) {
        if (text.length() > 64 || isPlainWord(text)) {
            return Optional.of(NODES.textNode(text));
        }
        if (NULL.matcher(text).matches()) {
            return Optional.of(NODES.nullNode());
        }
        if (TRUE.matcher(text).matches()) {
            return Optional.of(NODES.booleanNode(true));
        }
        if (FALSE.matcher(text).matches()) {
            return Optional.of(NODES.booleanNode(false));
        }
        if (DECIMAL_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text)));
        }
        if (OCTAL_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.substring(2), 8)));
        }
        if (HEX_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.substring(2), 16)));
        }
        if (FLOAT.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            return Optional.of(Double.isFinite(d) ? NODES.numberNode(d) : NODES.numberNode(new java.math.BigDecimal(text)));
        }
        if (NOT_FINITE.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(NODES.textNode(text));
    }

    /**
     * Fast path for the common case (command names, keys, words): a text starting with a letter
     * is a string unless it is one of the null/boolean spellings, all of which start with n, N, t,
     * T, f or F. Saves running the patterns on most scalars.
     */
    private static boolean isPlainWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return letter && "nNtTfF".indexOf(c) < 0;
    }

    /** Plain words YAML 1.1 read as booleans; YAML 1.2 reads them as strings (used for hints). */
    static boolean looksLikeYaml11Boolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "no", "on", "off", "y", "n" -> true;
            default -> false;
        };
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }
}
