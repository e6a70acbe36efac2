package io.crawlseq.lang.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.types.DataType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One argument of a command: its type and constraints, and its default. For {@link DataType}
 * objects ({@code politeness}) the nested {@code fields} carry the same information per key.
 *
 * @param defaultValue applied at run time when the argument is absent; empty = no default
 * @param min          inclusive lower bound for numbers (and for each number in an array)
 * @param max          inclusive upper bound
 */
public record ArgSpec(String name, DataType type, boolean required, Optional<JsonNode> defaultValue,
                      Optional<BigDecimal> min, Optional<BigDecimal> max, ArgFormat format, String description,
                      List<ArgSpec> fields) {

    public ArgSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
        defaultValue = defaultValue.map(JsonNode::deepCopy);
    }

    @Override
    public Optional<JsonNode> defaultValue() {
        return defaultValue.map(JsonNode::deepCopy);
    }

    public Optional<ArgSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Starts a spec; see {@link Builder}. */
    public static Builder of(String name, DataType type, String description) {
        return new Builder(name, type, description);
    }

    /** Fluent construction, used by {@link StandardCommands} only. */
    public static final class Builder {
        private final String name;
        private DataType type;
        private final String description;
        private boolean required;
        private JsonNode defaultValue;
        private BigDecimal min;
        private BigDecimal max;
        private ArgFormat format = ArgFormat.NONE;
        private List<ArgSpec> fields = List.of();

        private Builder(String name, DataType type, String description) {
            this.name = name;
            this.type = type;
            this.description = description;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = Json.MAPPER.valueToTree(value);
            return this;
        }

        public Builder range(Number min, Number max) {
            this.min = min == null ? null : new BigDecimal(min.toString());
            this.max = max == null ? null : new BigDecimal(max.toString());
            return this;
        }

        public Builder format(ArgFormat format) {
            this.format = format;
            return this;
        }

        /** Makes this an object argument with the given keys; its type is derived from them. */
        public Builder fields(ArgSpec... nested) {
            this.fields = List.of(nested);
            Map<String, DataType> types = new LinkedHashMap<>();
            for (ArgSpec f : nested) {
                types.put(f.name(), f.type());
            }
            this.type = new DataType.ObjectType("", types, false);
            return this;
        }

        public ArgSpec build() {
            return new ArgSpec(name, type, required, Optional.ofNullable(defaultValue), Optional.ofNullable(min),
                    Optional.ofNullable(max), format, description, fields);
        }
    }

    /** Shared mapper for turning Java default values into JSON. */
    static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

        private Json() {
        }
    }
}
