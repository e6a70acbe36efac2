package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the run starter was asked: {@code {"sequence": NAME, "context"?: {...}, "startUrl"?: URL,
 * "runId"?: ID}} from a direct invocation, or {@code {"sequence": NAME, "scheduledTime": ISO,
 * "scheduleArn": ARN}} from an EventBridge Scheduler schedule.
 */
record StartRequest(String sequence, ObjectNode context, Optional<String> startUrl, Optional<String> runId,
                    Optional<Instant> scheduledTime) implements StartEvent {

    static StartEvent parse(JsonNode event) {
        if (!event.isObject()) {
            return new StartEvent.Refused("the event must be a JSON object {\"sequence\": NAME, ...}");
        }
        JsonNode sequence = event.path("sequence");
        if (!sequence.isTextual() || sequence.textValue().isBlank()) {
            return new StartEvent.Refused("'sequence' (the name of a deployed sequence) is required");
        }
        JsonNode context = event.path("context");
        if (!context.isMissingNode() && !context.isNull() && !context.isObject()) {
            return new StartEvent.Refused("'context' must be an object");
        }
        JsonNode startUrl = event.path("startUrl");
        if (!startUrl.isMissingNode() && !startUrl.isTextual()) {
            return new StartEvent.Refused("'startUrl' must be a string");
        }
        JsonNode runId = event.path("runId");
        if (!runId.isMissingNode() && !(runId.isTextual() && RunIds.isValid(runId.textValue()))) {
            return new StartEvent.Refused("'runId' must be 1-80 of A-Z a-z 0-9 - _ . ~ (it names the execution)");
        }
        Optional<Instant> scheduled = Optional.empty();
        JsonNode time = event.path("scheduledTime");
        if (time.isTextual()) {
            try {
                scheduled = Optional.of(Instant.parse(time.textValue()));
            } catch (DateTimeParseException e) {
                return new StartEvent.Refused("'scheduledTime' is not an ISO-8601 instant: " + time.textValue());
            }
        }
        return new StartRequest(sequence.textValue(), context.isObject() ? ((ObjectNode) context).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                startUrl.isTextual() ? Optional.of(startUrl.textValue()) : Optional.empty(),
                runId.isTextual() ? Optional.of(runId.textValue()) : Optional.empty(), scheduled);
    }

    String runIdAt(Instant now) {
        return runId.orElseGet(() -> scheduledTime.map(t -> RunIds.scheduled(sequence, t))
                .orElseGet(() -> RunIds.random(now)));
    }
}
