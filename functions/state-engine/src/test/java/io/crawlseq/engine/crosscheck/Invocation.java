package io.crawlseq.engine.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;

/** One task call as both engines record it: which state, which function, with what payload. */
public record Invocation(String state, String functionName, JsonNode payload) {

    /** A stable text form with sorted keys and normalised numbers, for comparing lists as multisets. */
    public String canonical() {
        return state + "|" + functionName + "|" + CanonicalJson.render(payload);
    }
}
