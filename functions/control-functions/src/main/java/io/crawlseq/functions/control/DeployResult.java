package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.LambdaJson;
import java.util.Objects;
import java.util.Optional;

/**
 * What the deployer did with one uploaded object.
 *
 * @param key             the object key
 * @param outcome         what happened
 * @param sequence        the sequence name, when the object was read
 * @param stateMachineArn the machine created or updated (DEPLOYED)
 * @param schedule        the schedule expression now in force (DEPLOYED with a schedule)
 * @param reportKey       where the diagnostics report went (INVALID, NAME_TAKEN)
 * @param problems        errors and warnings found
 * @param detail          one line for logs and humans
 */
public record DeployResult(String key, Outcome outcome, Optional<String> sequence, Optional<String> stateMachineArn,
                           Optional<String> schedule, Optional<String> reportKey, int problems, String detail) {

    public enum Outcome {
        /** Valid: the state machine was created or updated, the schedule synced. */
        DEPLOYED("UploadsDeployed"),
        /** Rejected by validation: report written, nothing deployed, the previous version keeps running. */
        INVALID("UploadsInvalid"),
        /** Another existing object owns the sequence name: report written, nothing deployed. */
        NAME_TAKEN("UploadsNameTaken"),
        /** This very upload was processed before (a repeated S3 event). */
        DUPLICATE("UploadsDuplicate"),
        /** A newer upload of the sequence was processed before this (late) event. */
        SUPERSEDED("UploadsSuperseded"),
        /** Not a sequence upload (outside the prefix, another extension, a diagnostics report). */
        IGNORED("UploadsIgnored"),
        /** The object (or this version of it) was deleted before it could be read. */
        GONE("UploadsGone");

        private final String metricName;

        Outcome(String metricName) {
            this.metricName = metricName;
        }

        /** The CloudWatch metric counting this outcome. */
        public String metricName() {
            return metricName;
        }
    }

    public DeployResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static DeployResult skipped(String key, Outcome outcome, Optional<String> sequence, String detail) {
        return new DeployResult(key, outcome, sequence, Optional.empty(), Optional.empty(), Optional.empty(), 0, detail);
    }

    public ObjectNode toJson() {
        ObjectNode json = LambdaJson.object();
        json.put("key", key);
        json.put("outcome", outcome.name());
        sequence.ifPresent(s -> json.put("sequence", s));
        stateMachineArn.ifPresent(a -> json.put("stateMachineArn", a));
        schedule.ifPresent(s -> json.put("schedule", s));
        reportKey.ifPresent(r -> json.put("reportKey", r));
        json.put("problems", problems);
        json.put("detail", detail);
        return json;
    }
}
