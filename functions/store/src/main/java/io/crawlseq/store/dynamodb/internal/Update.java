package io.crawlseq.store.dynamodb.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds an UpdateExpression with its names and values. Attribute {@code x} is written {@code #x}, its new
 * value {@code :u_x}; conditions use their own value names and {@link Expressions#names} for theirs.
 */
final class Update {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    Update set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    Update setIfNotExists(String attribute, AttributeValue value) {
        String n = name(attribute);
        sets.add(n + " = if_not_exists(" + n + ", " + value(attribute, value) + ")");
        return this;
    }

    Update setOrRemove(String attribute, Optional<AttributeValue> value) {
        return value.isPresent() ? set(attribute, value.get()) : remove(attribute);
    }

    Update add(String attribute, AttributeValue value) {
        adds.add(name(attribute) + " " + value(attribute, value));
        return this;
    }

    Update remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    String expression() {
        StringBuilder out = new StringBuilder();
        append(out, "SET", sets, ", ");
        append(out, "ADD", adds, ", ");
        append(out, "REMOVE", removes, ", ");
        return out.toString().trim();
    }

    /** Names of this update plus those of {@code condition}. */
    Map<String, String> names(String condition) {
        Map<String, String> all = new LinkedHashMap<>(names);
        all.putAll(Expressions.names(condition));
        return all;
    }

    /** Values of this update plus the condition's. */
    Map<String, AttributeValue> values(Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> all = new LinkedHashMap<>(values);
        all.putAll(conditionValues);
        return all;
    }

    private String name(String attribute) {
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }

    private String value(String attribute, AttributeValue value) {
        String placeholder = ":u_" + attribute;
        values.put(placeholder, value);
        return placeholder;
    }

    private static void append(StringBuilder out, String clause, List<String> parts, String separator) {
        if (!parts.isEmpty()) {
            out.append(clause).append(' ').append(String.join(separator, parts)).append(' ');
        }
    }
}
