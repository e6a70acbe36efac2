package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Answers task invocations from a script instead of running code: for each key, a list of results
 * returned in order. Lets users and tests exercise a machine's logic without the real functions.
 *
 * <p>A key is a state name, a function name as written in the definition, or a function key as
 * {@link FunctionRouter#functionKey} computes it; they are tried in that order. Each element is
 * <ul>
 *   <li>{@code {"error": "Name", "cause": "text"}} (only those keys; cause optional): the call fails;</li>
 *   <li>{@code {"$echo": true}}: the call returns its payload;</li>
 *   <li>{@code {"$hang": true}}: the call blocks until cancelled (to exercise timeouts);</li>
 *   <li>{@code {"$result": value}}: returns {@code value}, for results that look like the markers above;</li>
 *   <li>any other value: returned as the result.</li>
 * </ul>
 * A call with nothing left to answer fails with {@code ScriptExhausted}. Thread-safe; records every call.
 * Other keying schemes (say, a step id and a command name read from the payload) plug in as {@link Keys}.
 */
public final class ScriptedTaskInvoker implements TaskInvoker {

    public static final String SCRIPT_EXHAUSTED = "ScriptExhausted";
    private static final Set<String> FAILURE_KEYS = Set.of("error", "cause");

    /** The keys a call may be scripted under, most specific first; the first key present in the script answers. */
    @FunctionalInterface
    public interface Keys {
        List<String> candidates(TaskInvocation invocation);
    }

    /** State name, then function name as written, then its {@link FunctionRouter#functionKey}. */
    public static final Keys STATE_OR_FUNCTION = invocation -> {
        List<String> keys = new ArrayList<>(3);
        keys.add(invocation.stateName());
        if (invocation.functionName() != null) {
            keys.add(invocation.functionName());
            keys.add(FunctionRouter.functionKey(invocation.functionName()));
        }
        return keys;
    };

    private final Map<String, Deque<JsonNode>> script = new HashMap<>();
    private final Keys keys;
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());

    /** One recorded call, in call order. */
    public record Invocation(String stateName, String functionName, JsonNode payload) {
    }

    /** @param script an object mapping keys to arrays of results */
    public ScriptedTaskInvoker(JsonNode script) {
        this(script, STATE_OR_FUNCTION);
    }

    public ScriptedTaskInvoker(JsonNode script, Keys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (script != null && !script.isNull()) {
            if (!script.isObject()) {
                throw new IllegalArgumentException("a script is an object mapping keys to arrays of results");
            }
            Iterator<Map.Entry<String, JsonNode>> entries = script.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isArray()) {
                    throw new IllegalArgumentException("the results for '" + entry.getKey() + "' must be an array");
                }
                Deque<JsonNode> results = new ArrayDeque<>();
                entry.getValue().forEach(results::add);
                this.script.put(entry.getKey(), results);
            }
        }
    }

    public List<Invocation> invocations() {
        synchronized (invocations) {
            return List.copyOf(invocations);
        }
    }

    @Override
    public JsonNode invoke(TaskInvocation invocation) throws TaskFailure, InterruptedException {
        invocations.add(new Invocation(invocation.stateName(), invocation.functionName(), invocation.payload()));
        JsonNode next = take(invocation);
        if (next == null) {
            throw new TaskFailure(SCRIPT_EXHAUSTED, "No scripted result left for state '" + invocation.stateName()
                    + "' (function '" + invocation.functionName() + "')");
        }
        if (isFailure(next)) {
            throw new TaskFailure(next.get("error").textValue(), next.path("cause").isTextual() ? next.get("cause").textValue() : null);
        }
        if (next.isObject() && next.size() == 1) {
            if (next.path("$echo").asBoolean(false)) {
                return invocation.payload();
            }
            if (next.path("$hang").asBoolean(false)) {
                invocation.cancellation().await(null);
                throw new InterruptedException("cancelled while hanging as scripted");
            }
            if (next.has("$result")) {
                return next.get("$result").deepCopy();
            }
        }
        return next.deepCopy();
    }

    private JsonNode take(TaskInvocation invocation) {
        synchronized (script) {
            for (String key : keys.candidates(invocation)) {
                Deque<JsonNode> results = key == null ? null : script.get(key);
                if (results != null) {
                    return results.poll();
                }
            }
            return null;
        }
    }

    /** True for {@code {"error": "...", "cause"?: ...}}, the failure marker shared with the CLI's mock results. */
    public static boolean isFailure(JsonNode element) {
        if (!element.isObject() || !element.path("error").isTextual()) {
            return false;
        }
        Iterator<String> names = element.fieldNames();
        while (names.hasNext()) {
            if (!FAILURE_KEYS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
