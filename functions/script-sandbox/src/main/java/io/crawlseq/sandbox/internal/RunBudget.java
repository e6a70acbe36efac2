package io.crawlseq.sandbox.internal;

import io.crawlseq.sandbox.ScriptLimits;

/** The run-wide budgets as the parent counts them; each job gets what is left. */
public final class RunBudget {

    private final ScriptLimits limits;
    private int records;
    private long outputBytes;
    private int logLines;

    public RunBudget(ScriptLimits limits) {
        this.limits = limits;
    }

    public JobLimits forJob() {
        return new JobLimits(limits.statementLimit(), limits.maxRecords(), limits.maxRecords() - records,
                limits.maxOutputBytes(), limits.maxOutputBytes() - outputBytes, limits.maxLogLines(),
                limits.maxLogLines() - logLines, limits.maxFetchesPerSource());
    }

    /** Counts a record; false if the worker overran what it was allowed (it should have stopped itself). */
    boolean takeRecord(int bytes) {
        if (records + 1 > limits.maxRecords() || outputBytes + bytes > limits.maxOutputBytes()
                || bytes > ScriptLimits.MAX_RECORD_BYTES) {
            return false;
        }
        records++;
        outputBytes += bytes;
        return true;
    }

    boolean takeLogLine() {
        if (logLines + 1 > limits.maxLogLines()) {
            return false;
        }
        logLines++;
        return true;
    }

    int maxFetches() {
        return limits.maxFetchesPerSource();
    }
}
