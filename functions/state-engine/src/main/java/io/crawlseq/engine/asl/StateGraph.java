package io.crawlseq.engine.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of states with a start: the whole machine, a Parallel branch or a Map's item processor.
 * {@code states} keeps definition order.
 */
public record StateGraph(String startAt, Map<String, State> states) {

    public StateGraph {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no state named '" + name + "'");
        }
        return state;
    }
}
