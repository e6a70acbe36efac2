package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.internal.Timestamps;
import io.crawlseq.engine.jsonpath.InvalidJsonPathException;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of a definition, reporting each mistake as a
 * {@link DefinitionProblem} at the field's location and returning null (or a default) instead.
 */
final class FieldReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonNode node;
    private final String location;
    private final List<DefinitionProblem> problems;

    FieldReader(JsonNode node, String location, List<DefinitionProblem> problems) {
        this.node = node;
        this.location = location;
        this.problems = problems;
    }

    /** The location of {@code field} under {@code parent}: {@code .Name} or {@code ['odd name']}. */
    static String child(String parent, String field) {
        return IDENTIFIER.matcher(field).matches()
                ? parent + "." + field
                : parent + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    String location() {
        return location;
    }

    String at(String field) {
        return child(location, field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    void problem(DefinitionProblem.Code code, String field, String message) {
        problems.add(new DefinitionProblem(code, field == null ? location : at(field), message));
    }

    /** Reports every field outside {@code allowed}; those in {@code unsupported} get a clearer message. */
    void rejectOthers(Set<String> allowed, Set<String> unsupported, String owner) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (unsupported.contains(name)) {
                problem(DefinitionProblem.Code.UNSUPPORTED_FEATURE, name,
                        "The field '" + name + "' is valid ASL but the local engine does not support it");
            } else if (!allowed.contains(name)) {
                problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, name,
                        "The field '" + name + "' is not supported by " + owner);
            }
        }
    }

    String requiredString(String field) {
        if (!node.has(field)) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field, "The field '" + field + "' is required");
            return null;
        }
        return optionalString(field);
    }

    String optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field,
                    "The field '" + field + "' must be a string, not " + kind(value));
            return null;
        }
        return value.textValue();
    }

    /** An integer in [{@code min}, {@code max}], or null when absent or invalid. */
    Integer optionalInt(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!Json.isInteger(value) || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field, "The field '" + field
                    + "' must be an integer from " + min + " to " + max + ", not " + Json.render(value));
            return null;
        }
        return (int) value.longValue();
    }

    Double optionalNumber(String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field, "The field '" + field
                    + "' must be a number from " + min + " to " + max + ", not " + Json.render(value));
            return null;
        }
        return value.doubleValue();
    }

    Boolean optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field,
                    "The field '" + field + "' must be a boolean, not " + kind(value));
            return null;
        }
        return value.booleanValue();
    }

    /**
     * A path field that may be JSON null: absent gives {@code $}, null gives empty. Invalid paths are
     * reported and read as {@code $} so parsing can go on.
     */
    Optional<JsonPath> nullablePath(String field, boolean referencePathOnly) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.of(JsonPath.ROOT);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        JsonPath path = path(field, referencePathOnly);
        return Optional.of(path == null ? JsonPath.ROOT : path);
    }

    /** A path field that must be a string when present; null when absent or invalid. */
    JsonPath path(String field, boolean referencePathOnly) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field,
                    "The field '" + field + "' must be a JSONPath string, not " + kind(value));
            return null;
        }
        return compilePath(value.textValue(), at(field), referencePathOnly, problems);
    }

    static JsonPath compilePath(String text, String location, boolean referencePathOnly,
                                List<DefinitionProblem> problems) {
        try {
            JsonPath path = JsonPath.compile(text);
            if (referencePathOnly && !path.isReferencePath()) {
                problems.add(new DefinitionProblem(DefinitionProblem.Code.INVALID_JSON_PATH, location,
                        "'" + text + "' must be a reference path: fields and indexes only, no $$, wildcards, "
                                + "slices or filters"));
                return null;
            }
            return path;
        } catch (InvalidJsonPathException e) {
            problems.add(new DefinitionProblem(DefinitionProblem.Code.INVALID_JSON_PATH, location, e.getMessage()));
            return null;
        }
    }

    OffsetDateTime optionalTimestamp(String field) {
        String text = optionalString(field);
        if (text == null) {
            return null;
        }
        Optional<OffsetDateTime> timestamp = parseTimestamp(text);
        if (timestamp.isEmpty()) {
            problem(DefinitionProblem.Code.SCHEMA_VALIDATION_FAILED, field,
                    "The field '" + field + "' must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, not '"
                            + text + "'");
            return null;
        }
        return timestamp.get();
    }

    static Optional<OffsetDateTime> parseTimestamp(String text) {
        return Timestamps.parse(text);
    }

    static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
