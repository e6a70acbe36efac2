package io.crawlseq.sandbox.internal.worker;

import io.crawlseq.sandbox.ResourceKind;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.internal.JobLimits;
import java.util.Optional;

/**
 * What one job may still produce. The first breach is kept (a script that catches the error it gets
 * still ends with it) and the job's context is cancelled.
 */
final class Budget {

    private final JobLimits limits;
    private int records;
    private long outputBytes;
    private int logLines;
    private int fetches;
    private ScriptError breach;

    Budget(JobLimits limits) {
        this.limits = limits;
    }

    Optional<ScriptError> breach() {
        return Optional.ofNullable(breach);
    }

    /** Counts a record of {@code bytes}; empty when it fits, else the breach. */
    Optional<ScriptError> takeRecord(int bytes) {
        if (bytes > ScriptLimits.MAX_RECORD_BYTES) {
            return breach(ResourceKind.RECORD_BYTES, ScriptLimits.MAX_RECORD_BYTES,
                    "a record of " + bytes + " bytes exceeds the limit of " + ScriptLimits.MAX_RECORD_BYTES
                            + " bytes per record");
        }
        if (records + 1 > limits.recordsLeft()) {
            return breach(ResourceKind.RECORDS, limits.maxRecords(),
                    "the run's record limit (" + limits.maxRecords() + ") was reached");
        }
        if (outputBytes + bytes > limits.outputBytesLeft()) {
            return breach(ResourceKind.OUTPUT_BYTES, limits.maxOutputBytes(),
                    "the run's output limit (" + limits.maxOutputBytes() + " bytes of records) was reached");
        }
        records++;
        outputBytes += bytes;
        return Optional.empty();
    }

    Optional<ScriptError> takeLogLine() {
        if (logLines + 1 > limits.logLinesLeft()) {
            return breach(ResourceKind.LOG_LINES, limits.maxLogLines(),
                    "the run's log limit (" + limits.maxLogLines() + " lines) was reached");
        }
        logLines++;
        return Optional.empty();
    }

    Optional<ScriptError> takeFetch() {
        if (fetches + 1 > limits.maxFetches()) {
            return breach(ResourceKind.FETCHES, limits.maxFetches(),
                    "the limit of " + limits.maxFetches() + " http.get calls per source was reached");
        }
        fetches++;
        return Optional.empty();
    }

    /** Records a breach that is not a count (e.g. an unusable record). */
    Optional<ScriptError> breach(ScriptError error) {
        if (breach == null) {
            breach = error;
        }
        return Optional.of(breach);
    }

    int records() {
        return records;
    }

    private Optional<ScriptError> breach(ResourceKind kind, long limit, String message) {
        return breach(new ScriptError.Resource(null, message, kind, limit));
    }
}
