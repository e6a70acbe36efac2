package io.crawlseq.lang.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Quote;
import java.util.ArrayList;
import java.util.List;

/** Phrases shared by schema diagnostics, so every message names values the same way. */
public final class SchemaMessages {

    private SchemaMessages() {
    }

    /** {@code the string 'x'}, {@code the number 42}, {@code true}, {@code null}, {@code an object}, {@code a list}. */
    public static String describeValue(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "the string " + Quote.of(value.asText());
        }
        if (value.isNumber()) {
            return "the number " + Quote.shorten(value.asText());
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** A JSON Schema type name as a phrase: {@code integer} → {@code an integer}. */
    public static String typeWord(String schemaType) {
        return switch (schemaType) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> schemaType;
        };
    }

    /** {@code ["string", "object"]} → {@code a string or an object}. */
    public static String typeWords(JsonNode schemaType) {
        if (schemaType.isTextual()) {
            return typeWord(schemaType.asText());
        }
        List<String> words = new ArrayList<>();
        schemaType.forEach(t -> words.add(typeWord(t.asText())));
        return String.join(" or ", words);
    }

    /** {@code 'a', 'b' or 'c'}. */
    public static String alternatives(List<String> values) {
        List<String> quoted = values.stream().map(Quote::of).toList();
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
    }
}
