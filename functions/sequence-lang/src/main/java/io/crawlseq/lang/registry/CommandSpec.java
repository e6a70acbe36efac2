package io.crawlseq.lang.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the system knows about one command: what it is for, what it accepts, what it returns
 * and how it is deployed. Validation, compilation, the SAM template test and the command reference
 * are all driven by these records.
 *
 * @param name         the name used in sequences ({@code ensureCountryHubs})
 * @param summary      one line for listings
 * @param description  a paragraph for the reference
 * @param args         accepted arguments in documentation order
 * @param resultFields fields the command adds to the common envelope
 * @param lambda       how it is deployed; empty for commands compiled to a Pass state ({@code logWarning})
 * @param crawls       true when the command fetches from the target site (and so takes the common crawl args)
 */
public record CommandSpec(String name, String summary, String description, List<ArgSpec> args,
                          List<ResultField> resultFields, Optional<LambdaSettings> lambda, boolean crawls) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lambda, "lambda");
        args = List.copyOf(args);
        resultFields = List.copyOf(resultFields);
    }

    public Optional<ArgSpec> arg(String argName) {
        return args.stream().filter(a -> a.name().equals(argName)).findFirst();
    }

    public List<String> argNames() {
        return args.stream().map(ArgSpec::name).toList();
    }

    /** The envelope fields every command returns, then this command's own fields. */
    public List<ResultField> allResultFields() {
        List<ResultField> all = new java.util.ArrayList<>(ResultTypes.ENVELOPE_FIELDS);
        all.addAll(resultFields);
        return List.copyOf(all);
    }

    /** The static type of {@code results.<id>} for a step running this command. */
    public DataType.ObjectType resultType() {
        Map<String, DataType> fields = new LinkedHashMap<>();
        for (ResultField f : allResultFields()) {
            fields.put(f.name(), f.type());
        }
        return new DataType.ObjectType(Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Result",
                fields, false);
    }

    /** This command's own result fields, each with its {@link DataType#neutralValue() neutral value}. */
    public ObjectNode neutralFields() {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (ResultField f : resultFields) {
            out.set(f.name(), f.type().neutralValue());
        }
        return out;
    }

    /**
     * The envelope of a failed step (SPEC §2): {@code command}, {@code status: failed},
     * {@code success: false}, {@code error: {type, message}}, and every own result field with its
     * neutral value, so later templates and conditions find the fields they name.
     */
    public ObjectNode failedEnvelope(String errorType, String message) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("command", name);
        out.put("status", "failed");
        out.put("success", false);
        out.putObject("error").put("type", errorType).put("message", message);
        out.setAll(neutralFields());
        return out;
    }

    /**
     * The arguments a handler sees: those given, with every absent argument that has a default
     * filled in (one level deep for object arguments such as {@code politeness}).
     */
    public ObjectNode withDefaults(ObjectNode given) {
        ObjectNode out = given.deepCopy();
        for (ArgSpec spec : args) {
            JsonNode value = out.get(spec.name());
            if (value == null) {
                spec.defaultValue().ifPresent(d -> out.set(spec.name(), d));
                if (spec.defaultValue().isEmpty() && !spec.fields().isEmpty()) {
                    ObjectNode nested = out.objectNode();
                    fillFieldDefaults(spec, nested);
                    if (!nested.isEmpty()) {
                        out.set(spec.name(), nested);
                    }
                }
            } else if (value instanceof ObjectNode nested && !spec.fields().isEmpty()) {
                fillFieldDefaults(spec, nested);
            }
        }
        return out;
    }

    private static void fillFieldDefaults(ArgSpec spec, ObjectNode nested) {
        for (ArgSpec field : spec.fields()) {
            if (!nested.has(field.name())) {
                field.defaultValue().ifPresent(d -> nested.set(field.name(), d));
            }
        }
    }
}
