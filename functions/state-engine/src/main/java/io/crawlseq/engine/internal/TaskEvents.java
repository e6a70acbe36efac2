package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ErrorNames;
import io.crawlseq.engine.history.HistoryEventType;

/** The task events of one call: TaskScheduled... for service integrations, LambdaFunction... for bare ARNs. */
final class TaskEvents {

    private static final String STATES_SERVICE_PREFIX = "arn:aws:states:::";

    private final String resource;
    private final String region;
    private final Lane lane;
    private final boolean service;

    TaskEvents(String resource, String region, Lane lane) {
        this.resource = resource;
        this.region = region;
        this.lane = lane;
        this.service = resource.startsWith(STATES_SERVICE_PREFIX);
    }

    private ObjectNode base() {
        ObjectNode details = Json.object();
        if (service) {
            String integration = resource.substring(STATES_SERVICE_PREFIX.length());
            int colon = integration.indexOf(':');
            details.put("resourceType", colon < 0 ? integration : integration.substring(0, colon));
            details.put("resource", colon < 0 ? integration : integration.substring(colon + 1));
        }
        return details;
    }

    void scheduled(JsonNode effective, JsonNode payload, Integer timeoutSeconds) {
        ObjectNode details = base();
        if (service) {
            details.put("region", region);
            details.put("parameters", Json.render(effective));
        } else {
            details.put("resource", resource);
            details.put("input", Json.render(payload));
            details.set("inputDetails", ExecutionRun.notTruncated());
        }
        if (timeoutSeconds != null) {
            details.put("timeoutInSeconds", (long) timeoutSeconds);
        }
        lane.record(service ? HistoryEventType.TaskScheduled : HistoryEventType.LambdaFunctionScheduled, details);
        lane.record(service ? HistoryEventType.TaskStarted : HistoryEventType.LambdaFunctionStarted, base());
    }

    void succeeded(String resultText) {
        ObjectNode details = base();
        details.put("output", resultText);
        details.set("outputDetails", ExecutionRun.notTruncated());
        lane.record(service ? HistoryEventType.TaskSucceeded : HistoryEventType.LambdaFunctionSucceeded, details);
    }

    void failed(StatesError error) {
        ObjectNode details = base();
        ExecutionRun.putIfNotNull(details, "error", error.error());
        ExecutionRun.putIfNotNull(details, "cause", error.cause());
        lane.record(service ? HistoryEventType.TaskFailed : HistoryEventType.LambdaFunctionFailed, details);
    }

    void timedOut() {
        ObjectNode details = base();
        details.put("error", ErrorNames.TIMEOUT);
        lane.record(service ? HistoryEventType.TaskTimedOut : HistoryEventType.LambdaFunctionTimedOut, details);
    }
}
