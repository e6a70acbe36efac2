package io.crawlseq.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.ResultField;
import io.crawlseq.lang.registry.ResultTypes;
import io.crawlseq.store.Continuation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the result envelope of SPEC §2 from a handler's outcome. Every declared result field is
 * present (neutral value when the handler did not set it), undeclared fields are dropped, and lists
 * are cut to {@link ResultTypes#ENVELOPE_LIST_CAP} items and further while the envelope exceeds
 * {@link ResultTypes#ENVELOPE_MAX_BYTES}: the envelope lives in the Step Functions state, whose
 * payloads are limited to 256 KiB. Cut lists are named in {@code truncated} and returned in full so
 * the runner can store them.
 */
public final class Envelopes {

    private Envelopes() {
    }

    /**
     * @param envelope   what the state machine receives
     * @param fullLists  the complete values of the lists that were cut, by field name
     * @param dropped    undeclared fields the handler returned (a handler bug worth logging)
     */
    public record Built(ObjectNode envelope, Map<String, ArrayNode> fullLists, List<String> dropped) {
    }

    public static Built build(CommandSpec spec, CommandOutcome outcome, Instant startedAt, Instant finishedAt,
                              Optional<Continuation> next) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode envelope = json.objectNode();
        envelope.put("command", spec.name());
        String status = switch (outcome) {
            case CommandOutcome.Completed c -> "success";
            case CommandOutcome.Failed f -> "failed";
            case CommandOutcome.Partial p -> "partial";
            case CommandOutcome.Skipped s -> "skipped";
        };
        envelope.put("status", status);
        envelope.put("success", status.equals("success"));
        envelope.put("startedAt", startedAt.toString());
        envelope.put("finishedAt", finishedAt.toString());
        envelope.put("elapsedMs", Math.max(0, Duration.between(startedAt, finishedAt).toMillis()));
        switch (outcome) {
            case CommandOutcome.Failed f -> envelope.putObject("error").put("type", f.errorType()).put("message", f.message());
            case CommandOutcome.Skipped s -> envelope.put("reason", s.reason());
            default -> {
            }
        }
        next.ifPresent(c -> envelope.putObject("continuation").put("token", c.token()).put("invocation", c.invocation()));

        ObjectNode fields = outcome.fields();
        List<String> dropped = new ArrayList<>();
        fields.fieldNames().forEachRemaining(name -> {
            if (spec.resultFields().stream().noneMatch(f -> f.name().equals(name))) {
                dropped.add(name);
            }
        });
        Map<String, ArrayNode> fullLists = new LinkedHashMap<>();
        List<String> truncated = new ArrayList<>();
        for (ResultField field : spec.resultFields()) {
            JsonNode value = fields.get(field.name());
            if (value == null || value.isNull() && !field.type().neutralValue().isNull()) {
                value = field.type().neutralValue();
            }
            if (field.capped() && value.isArray() && value.size() > ResultTypes.ENVELOPE_LIST_CAP) {
                fullLists.put(field.name(), (ArrayNode) value.deepCopy());
                truncated.add(field.name());
                value = head((ArrayNode) value, ResultTypes.ENVELOPE_LIST_CAP);
            }
            envelope.set(field.name(), value.deepCopy());
        }
        shrinkToFit(spec, envelope, fullLists, truncated);
        if (!truncated.isEmpty()) {
            ArrayNode names = envelope.putArray("truncated");
            truncated.forEach(names::add);
        }
        return new Built(envelope, fullLists, dropped);
    }

    /** Halves the longest capped list until the envelope fits its byte budget (or no list is left to cut). */
    private static void shrinkToFit(CommandSpec spec, ObjectNode envelope, Map<String, ArrayNode> fullLists,
                                    List<String> truncated) {
        while (size(envelope) > ResultTypes.ENVELOPE_MAX_BYTES) {
            ResultField longest = null;
            for (ResultField f : spec.resultFields()) {
                JsonNode v = envelope.get(f.name());
                if (f.capped() && v.isArray() && v.size() > 0 && (longest == null || v.size() > envelope.get(longest.name()).size())) {
                    longest = f;
                }
            }
            if (longest == null) {
                return;
            }
            ArrayNode list = (ArrayNode) envelope.get(longest.name());
            fullLists.putIfAbsent(longest.name(), list.deepCopy());
            if (!truncated.contains(longest.name())) {
                truncated.add(longest.name());
            }
            envelope.set(longest.name(), head(list, list.size() / 2));
        }
    }

    private static ArrayNode head(ArrayNode list, int n) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n && i < list.size(); i++) {
            out.add(list.get(i).deepCopy());
        }
        return out;
    }

    static int size(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
