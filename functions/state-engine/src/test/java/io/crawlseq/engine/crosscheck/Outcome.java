package io.crawlseq.engine.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How a case ended on one engine.
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT, or ENGINE_ERROR when the engine could not run the case
 */
public record Outcome(String status, JsonNode output, String error, String cause, List<Invocation> invocations) {

    public Outcome {
        invocations = List.copyOf(invocations);
    }
}
