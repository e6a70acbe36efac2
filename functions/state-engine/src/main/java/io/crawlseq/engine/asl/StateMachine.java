package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * A validated state machine definition (JSONPath query language). Obtain one from
 * {@link AslParser#parse(String)}; it is immutable and can run any number of times, concurrently.
 *
 * @param graph          the top-level states
 * @param timeoutSeconds the machine's {@code TimeoutSeconds}, or null for none
 * @param comment        the {@code Comment}, or null
 * @param definition     the JSON it was parsed from
 */
public record StateMachine(StateGraph graph, Integer timeoutSeconds, String comment, JsonNode definition) {

    public String startAt() {
        return graph.startAt();
    }

    public Map<String, State> states() {
        return graph.states();
    }

    public Optional<Integer> timeout() {
        return Optional.ofNullable(timeoutSeconds);
    }
}
