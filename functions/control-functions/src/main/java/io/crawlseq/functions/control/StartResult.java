package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.LambdaJson;
import java.util.Objects;

/** What the run starter answers: the run it started, or why it started none. */
public sealed interface StartResult {

    ObjectNode toJson();

    /**
     * @param input the execution input, {@code {"context": {...}}} with the context merged
     */
    record Started(String runId, String sequence, String executionArn, String stateMachineArn, ObjectNode input,
                   boolean alreadyRunning) implements StartResult {
        public Started {
            Objects.requireNonNull(runId, "runId");
            input = input.deepCopy();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = LambdaJson.object();
            json.put("status", "STARTED");
            json.put("runId", runId);
            json.put("sequence", sequence);
            json.put("executionArn", executionArn);
            json.put("stateMachineArn", stateMachineArn);
            json.put("alreadyRunning", alreadyRunning);
            json.set("input", input.deepCopy());
            return json;
        }
    }

    record Rejected(String sequence, String reason) implements StartResult {
        @Override
        public ObjectNode toJson() {
            ObjectNode json = LambdaJson.object();
            json.put("status", "REJECTED");
            if (sequence != null) {
                json.put("sequence", sequence);
            }
            json.put("reason", reason);
            return json;
        }
    }
}
