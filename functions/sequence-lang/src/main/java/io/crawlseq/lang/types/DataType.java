package io.crawlseq.lang.types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The static type of a value visible to expressions and templates: a command argument, a field of a
 * command result, a context value or a loop variable. Deliberately small: enough to check that a
 * path exists, that ForEach walks an array, and which Choice comparison a condition needs.
 */
public sealed interface DataType {

    /** Human name used in messages and the generated reference, e.g. {@code array<Hub>}. */
    String describe();

    /** What the validator knows about a value it cannot type (run input, free-form objects). */
    DataType ANY = new Any();
    DataType STRING = new Scalar(ScalarKind.STRING);
    DataType INTEGER = new Scalar(ScalarKind.INTEGER);
    DataType NUMBER = new Scalar(ScalarKind.NUMBER);
    DataType BOOLEAN = new Scalar(ScalarKind.BOOLEAN);
    DataType NULL = new Scalar(ScalarKind.NULL);

    static DataType arrayOf(DataType items) {
        return new ArrayType(items);
    }

    /** A string restricted to the given values (e.g. a result's {@code status}). */
    static DataType enumOf(String... values) {
        return new EnumType(List.of(values));
    }

    enum ScalarKind {
        STRING, INTEGER, NUMBER, BOOLEAN, NULL;

        public boolean isNumeric() {
            return this == INTEGER || this == NUMBER;
        }
    }

    /** Anything; paths below it are not checked. */
    record Any() implements DataType {
        @Override
        public String describe() {
            return "any";
        }
    }

    record Scalar(ScalarKind kind) implements DataType {
        public Scalar {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A string with a closed set of values. */
    record EnumType(List<String> values) implements DataType {
        public EnumType {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(" | "));
        }
    }

    record ArrayType(DataType items) implements DataType {
        public ArrayType {
            Objects.requireNonNull(items, "items");
        }

        @Override
        public String describe() {
            return "array<" + items.describe() + ">";
        }
    }

    /**
     * An object with known fields. {@code open} objects may carry more fields than listed (their
     * unknown fields are {@link #ANY}); closed ones reject unknown fields in paths.
     *
     * @param name a short name for messages and docs ({@code Hub}); empty for anonymous objects
     */
    record ObjectType(String name, Map<String, DataType> fields, boolean open) implements DataType {
        public ObjectType {
            Objects.requireNonNull(name, "name");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Optional<DataType> field(String fieldName) {
            DataType known = fields.get(fieldName);
            if (known != null) {
                return Optional.of(known);
            }
            return open ? Optional.of(ANY) : Optional.empty();
        }

        @Override
        public String describe() {
            if (!name.isEmpty()) {
                return name;
            }
            return fields.keySet().stream().collect(Collectors.joining(", ", "{", open ? ", ...}" : "}"));
        }
    }

    /** True when the value is a string at run time (plain or enum). */
    default boolean isString() {
        return this instanceof EnumType || (this instanceof Scalar s && s.kind() == ScalarKind.STRING);
    }

    default boolean isNumeric() {
        return this instanceof Scalar s && s.kind().isNumeric();
    }

    default boolean isBoolean() {
        return this instanceof Scalar s && s.kind() == ScalarKind.BOOLEAN;
    }

    default boolean isAny() {
        return this instanceof Any;
    }

    /**
     * The value a field of this type holds when there is nothing to report (a failed step): 0, "",
     * false, [], {} or null (enums: no value applies). Keeps every declared field present, so
     * templates such as {@code {{results.crawl.articlesFound}}} still resolve after a failure
     * instead of failing the execution with States.Runtime.
     */
    default com.fasterxml.jackson.databind.JsonNode neutralValue() {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (this) {
            case Scalar s -> switch (s.kind()) {
                case STRING -> json.textNode("");
                case INTEGER -> json.numberNode(0);
                case NUMBER -> json.numberNode(0);
                case BOOLEAN -> json.booleanNode(false);
                case NULL -> json.nullNode();
            };
            case ArrayType a -> json.arrayNode();
            case ObjectType o -> json.objectNode();
            case EnumType e -> json.nullNode();
            case Any a -> json.nullNode();
        };
    }

    /**
     * Infers the type of a literal JSON value, e.g. a sequence's declared {@code context}. Arrays take
     * the type of their first element when all elements agree, otherwise {@code array<any>}.
     */
    static DataType ofJson(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return ANY;
        }
        if (value.isTextual()) {
            return STRING;
        }
        if (value.isIntegralNumber()) {
            return INTEGER;
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isNull()) {
            return NULL;
        }
        if (value.isArray()) {
            DataType common = null;
            for (com.fasterxml.jackson.databind.JsonNode element : value) {
                DataType t = ofJson(element);
                if (common == null) {
                    common = t;
                } else if (!common.equals(t)) {
                    common = widen(common, t);
                }
            }
            return arrayOf(common == null ? ANY : common);
        }
        Map<String, DataType> fields = new LinkedHashMap<>();
        value.properties().forEach(e -> fields.put(e.getKey(), ofJson(e.getValue())));
        // Declared context objects are examples of run data; a run may add fields.
        return new ObjectType("", fields, true);
    }

    /** The least specific type covering both: used for arrays of mixed literals. */
    private static DataType widen(DataType a, DataType b) {
        if (a.isNumeric() && b.isNumeric()) {
            return NUMBER;
        }
        if (a instanceof ObjectType oa && b instanceof ObjectType ob) {
            Map<String, DataType> merged = new LinkedHashMap<>(oa.fields());
            ob.fields().forEach((k, v) -> merged.merge(k, v, (x, y) -> x.equals(y) ? x : ANY));
            return new ObjectType("", merged, true);
        }
        return ANY;
    }
}
