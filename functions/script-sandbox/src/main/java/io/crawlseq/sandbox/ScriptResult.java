package io.crawlseq.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a script run.
 *
 * @param success       true when every source succeeded and the run itself had no error
 * @param data          the de-duplicated records of all sources, in source order, each tagged with
 *                      {@value #SOURCE_FIELD}; records of failed sources that were emitted before the
 *                      failure are included
 * @param sourceResults one per source that ran, in order
 * @param errors        every error: run-level ones first, then per-source ones in source order
 * @param logs          the script's log lines (capped by {@code maxLogLines})
 */
public record ScriptResult(boolean success, List<ObjectNode> data, ResultMetadata metadata,
                           List<SourceResult> sourceResults, List<ScriptError> errors, List<LogLine> logs) {

    /** The field added to every record naming the source URL it came from. */
    public static final String SOURCE_FIELD = "_source";

    public ScriptResult {
        data = List.copyOf(data);
        Objects.requireNonNull(metadata, "metadata");
        sourceResults = List.copyOf(sourceResults);
        errors = List.copyOf(errors);
        logs = List.copyOf(logs);
    }

    /** The records that came from {@code source}, in order. */
    public List<ObjectNode> recordsOf(String source) {
        return data.stream().filter(r -> source.equals(r.path(SOURCE_FIELD).asText(null))).toList();
    }
}
