package io.crawlseq.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.internal.Timestamps;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of an execution's history, shaped like an element of Step Functions' GetExecutionHistory:
 * details use AWS's field names ({@code name}, {@code input}, {@code output}, {@code error},
 * {@code cause}, {@code resource}, {@code parameters}...) and, as in the API, inputs and outputs are JSON
 * text. Immutable.
 *
 * @param details the {@code ...EventDetails} object, empty for types without one; never mutated
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type,
                           ObjectNode details) {

    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(details, "details");
    }

    /** The state this event concerns ({@code name} of state and Map iteration events), or null. */
    public String stateName() {
        JsonNode name = details.get("name");
        return name == null ? null : name.asText();
    }

    /** A details field as text, or null. */
    public String detail(String field) {
        JsonNode value = details.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A details field holding JSON text ({@code input}, {@code output}, {@code parameters}), parsed. */
    public JsonNode detailJson(String field) {
        String text = detail(field);
        if (text == null) {
            return null;
        }
        try {
            return Json.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the engine only records valid JSON in " + field, e);
        }
    }

    /** The API shape: {@code {timestamp, type, id, previousEventId, <detailsField>: {...}}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("timestamp", Timestamps.format(timestamp));
        json.put("type", type.name());
        json.set("id", Json.number(id));
        json.set("previousEventId", Json.number(previousEventId));
        if (type.detailsField() != null) {
            json.set(type.detailsField(), details.deepCopy());
        }
        return json;
    }
}
