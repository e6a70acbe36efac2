package io.crawlseq.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.ResultField;
import io.crawlseq.lang.types.DataType;
import java.util.Map;

/**
 * Plausible result envelopes for a command, built from its registry result type, so scripted runs
 * exercise the same fields real handlers return (lists to loop over, counters to compare).
 */
final class SampleResults {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SampleResults() {
    }

    /** @param count the value of every integer counter (3 or 12 steer conditions like {@code hubCount > 10}) */
    static ObjectNode success(CommandSpec spec, int count) {
        ObjectNode envelope = JSON.objectNode();
        for (ResultField field : spec.allResultFields()) {
            switch (field.name()) {
                case "command" -> envelope.put("command", spec.name());
                case "status" -> envelope.put("status", "success");
                case "success" -> envelope.put("success", true);
                case "error", "continuation", "truncated" -> {
                }
                case "startedAt", "finishedAt" -> envelope.put(field.name(), "2026-01-01T00:00:00Z");
                case "elapsedMs" -> envelope.put("elapsedMs", 5);
                default -> envelope.set(field.name(), sample(field.type(), count, field.name()));
            }
        }
        return envelope;
    }

    static ObjectNode partial(CommandSpec spec, int invocation) {
        ObjectNode envelope = JSON.objectNode();
        envelope.put("command", spec.name());
        envelope.put("status", "partial");
        envelope.put("success", false);
        envelope.putObject("continuation").put("token", "0123456789abcdef0123456789abcdef").put("invocation", invocation);
        return envelope;
    }

    /** What a handler returns when its command fails (the registry's failed envelope). */
    static ObjectNode failed(CommandSpec spec) {
        return spec.failedEnvelope("SiteUnreachable", "connection refused");
    }

    private static JsonNode sample(DataType type, int count, String name) {
        return switch (type) {
            case DataType.Scalar s -> switch (s.kind()) {
                case STRING -> JSON.textNode("https://news.example/" + name);
                case INTEGER -> JSON.numberNode(count);
                case NUMBER -> JSON.numberNode(0.9);
                case BOOLEAN -> JSON.booleanNode(true);
                case NULL -> JSON.nullNode();
            };
            case DataType.EnumType e -> JSON.textNode(e.values().getFirst());
            case DataType.ArrayType a -> {
                ArrayNode array = JSON.arrayNode();
                array.add(element(a.items(), count, name, "world/france"));
                array.add(element(a.items(), count, name, "us-news"));
                yield array;
            }
            case DataType.ObjectType o -> element(o, count, name, "section");
            case DataType.Any any -> JSON.textNode("any");
        };
    }

    private static JsonNode element(DataType type, int count, String name, String slug) {
        if (type instanceof DataType.ObjectType o) {
            ObjectNode object = JSON.objectNode();
            for (Map.Entry<String, DataType> f : o.fields().entrySet()) {
                object.set(f.getKey(), f.getKey().equals("url") || f.getKey().endsWith("Url")
                        ? JSON.textNode("https://news.example/" + slug)
                        : sample(f.getValue(), count, f.getKey()));
            }
            return object;
        }
        return sample(type, count, name + "/" + slug);
    }
}
