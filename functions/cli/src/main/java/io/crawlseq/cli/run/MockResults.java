package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.task.ScriptedTaskInvoker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Scripted results for {@code run --mock-results}: an object mapping a step id, or a command name,
 * to the results its invocations return in order. An element {@code {"error": "Type", "cause": "..."}}
 * makes that invocation fail with that error (so Retry and Catch can be exercised). Any other
 * object is the result; missing envelope fields are filled in ({@code command}, {@code status}
 * success, {@code success} true), so {@code {"hubCount": 12}} is enough. Step ids win over command
 * names. Thread-safe.
 */
public final class MockResults {

    private final Map<String, Deque<JsonNode>> byKey = new HashMap<>();

    private MockResults() {
    }

    public static MockResults none() {
        return new MockResults();
    }

    /** @throws IllegalArgumentException with a user-facing message when the shape is wrong */
    public static MockResults parse(JsonNode json) {
        MockResults mocks = new MockResults();
        if (!json.isObject()) {
            throw new IllegalArgumentException("mock results must be a JSON object mapping step ids or command names to arrays of results");
        }
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode list = e.getValue();
            if (!list.isArray()) {
                throw new IllegalArgumentException("mock results for '" + e.getKey() + "' must be an array (one element per invocation)");
            }
            Deque<JsonNode> queue = new ArrayDeque<>();
            for (JsonNode element : list) {
                if (!element.isObject()) {
                    throw new IllegalArgumentException("mock results for '" + e.getKey()
                            + "' must be objects (a result envelope, or {\"error\": \"Type\", \"cause\": \"...\"})");
                }
                queue.add(element);
            }
            mocks.byKey.put(e.getKey(), queue);
        }
        return mocks;
    }

    /** Whether this step is mocked at all (then it never reaches a real handler). */
    public synchronized boolean covers(String stepId, String command) {
        return byKey.containsKey(stepId) || byKey.containsKey(command);
    }

    /** The next scripted element for the step, empty when its list is used up. */
    public synchronized Optional<JsonNode> next(String stepId, String command) {
        Deque<JsonNode> queue = byKey.containsKey(stepId) ? byKey.get(stepId) : byKey.get(command);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll()).map(JsonNode::deepCopy);
    }

    static boolean isFailure(JsonNode element) {
        return ScriptedTaskInvoker.isFailure(element);
    }

    /** Fills in the envelope fields a mock may leave out. */
    static ObjectNode asEnvelope(JsonNode element, String command) {
        ObjectNode envelope = (ObjectNode) element.deepCopy();
        if (!envelope.has("command")) {
            envelope.put("command", command);
        }
        if (!envelope.has("status")) {
            envelope.put("status", envelope.path("success").asBoolean(true) ? "success" : "failed");
        }
        if (!envelope.has("success")) {
            envelope.put("success", "success".equals(envelope.path("status").asText()));
        }
        return envelope;
    }
}
