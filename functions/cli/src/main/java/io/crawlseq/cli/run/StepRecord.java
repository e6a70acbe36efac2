package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One invocation of a command during a local run: a step that retried or continued a long crawl
 * has several, numbered by {@code invocation}.
 *
 * @param status  the envelope's status, or {@code failed} when the invocation raised an error
 * @param result  the envelope returned, or {@code {"error": {type, message}}} for a raised error
 */
public record StepRecord(String stepId, String command, int invocation, JsonNode args, Instant startedAt,
                         long elapsedMs, String status, JsonNode result, boolean mocked) {

    public StepRecord {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }
}
