package io.crawlseq.sandbox;

/** What a {@link ScriptError.Resource} ran out of. */
public enum ResourceKind {
    /** The child JVM's heap ({@code memoryMb}). */
    MEMORY,
    /** {@code statementLimit}. */
    STATEMENTS,
    /** The JavaScript call stack (runaway recursion). */
    STACK,
    /** {@code maxRecords}. */
    RECORDS,
    /** {@code maxOutputBytes}. */
    OUTPUT_BYTES,
    /** {@link ScriptLimits#MAX_RECORD_BYTES} for one record. */
    RECORD_BYTES,
    /** {@code maxLogLines}. */
    LOG_LINES,
    /** {@code maxFetchesPerSource}. */
    FETCHES
}
