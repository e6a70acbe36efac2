package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.LogLevel;
import io.crawlseq.sandbox.LogLine;
import io.crawlseq.sandbox.ResultMetadata;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.SourceResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects a run as it happens (records de-duplicated and tagged on arrival, logs, per-source
 * outcomes) and assembles the {@link ScriptResult}.
 */
public final class RunRecorder {

    private final String scriptId;
    private final Set<String> seen = new HashSet<>();
    private final List<ObjectNode> data = new ArrayList<>();
    private final List<LogLine> logs = new ArrayList<>();
    private final List<SourceResult> sourceResults = new ArrayList<>();
    private final List<ScriptError> runErrors = new ArrayList<>();
    private int total;
    private int sourceKept;
    private int sourceDuplicates;

    public RunRecorder(String scriptId) {
        this.scriptId = scriptId;
    }

    /** What a job streams, attributed to {@code source} (null outside any source). */
    public JobSink sinkFor(String source) {
        return new JobSink() {
            @Override
            public void record(ObjectNode record) {
                if (source != null) {
                    add(source, record);
                }
            }

            @Override
            public void log(LogLevel level, String message) {
                logs.add(new LogLine(source, level, message));
            }
        };
    }

    public void sourceStarted() {
        sourceKept = 0;
        sourceDuplicates = 0;
    }

    public SourceResult sourceFinished(String source, long elapsedMs, ScriptError error, JsonNode scriptMetadata) {
        SourceResult result = new SourceResult(source, error == null, sourceKept, sourceDuplicates, elapsedMs,
                error == null ? null : error.atSource(source), scriptMetadata);
        sourceResults.add(result);
        return result;
    }

    public void runError(ScriptError error) {
        runErrors.add(error);
    }

    public ScriptResult result(List<String> sources, Instant startedAt, long executionTimeMs) {
        List<ScriptError> errors = new ArrayList<>(runErrors);
        sourceResults.stream().filter(r -> r.error() != null).forEach(r -> errors.add(r.error()));
        ResultMetadata metadata = new ResultMetadata(total, data.size(), total - data.size(), scriptId, sources,
                executionTimeMs, startedAt);
        return new ScriptResult(errors.isEmpty(), data, metadata, sourceResults, errors, logs);
    }

    private void add(String source, ObjectNode record) {
        total++;
        if (!seen.add(CanonicalJson.of(record))) {
            sourceDuplicates++;
            return;
        }
        sourceKept++;
        ObjectNode tagged = record.deepCopy();
        tagged.put(ScriptResult.SOURCE_FIELD, source);
        data.add(tagged);
    }
}
