package io.crawlseq.localstack.stepfunctions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.localstack.http.AwsJson;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An execution changed status, as Step Functions reports it to EventBridge ("Step Functions
 * Execution Status Change"). {@link #toEvent} gives the EventBridge event a rule target receives.
 *
 * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 */
public record ExecutionStatusChange(String executionArn, String stateMachineArn, String name, String status,
                                    Instant startDate, Optional<Instant> stopDate, String input,
                                    Optional<String> output, Optional<String> error, Optional<String> cause) {

    public ExecutionStatusChange {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(status, "status");
    }

    /** The EventBridge event: {@code {version, id, detail-type, source: aws.states, ..., detail: {...}}}. */
    public ObjectNode toEvent(String region, String account) {
        ObjectNode event = AwsJson.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Step Functions Execution Status Change");
        event.put("source", "aws.states");
        event.put("account", account);
        event.put("time", stopDate.orElse(startDate).toString());
        event.put("region", region);
        event.putArray("resources").add(executionArn);
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", executionArn);
        detail.put("stateMachineArn", stateMachineArn);
        detail.put("name", name);
        detail.put("status", status);
        detail.put("startDate", startDate.toEpochMilli());
        stopDate.ifPresentOrElse(d -> detail.put("stopDate", d.toEpochMilli()), () -> detail.putNull("stopDate"));
        detail.put("input", input);
        output.ifPresentOrElse(o -> detail.put("output", o), () -> detail.putNull("output"));
        error.ifPresentOrElse(e -> detail.put("error", e), () -> detail.putNull("error"));
        cause.ifPresentOrElse(c -> detail.put("cause", c), () -> detail.putNull("cause"));
        detail.putObject("inputDetails").put("included", true);
        detail.putObject("outputDetails").put("included", output.isPresent());
        return event;
    }
}
