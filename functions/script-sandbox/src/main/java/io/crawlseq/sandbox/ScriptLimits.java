package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-call limits of a script run. Every limit has a safe default ({@link #DEFAULTS}) and a
 * permitted range ({@link #problems()}); the ranges of {@code timeoutMs} and {@code memoryMb} match
 * the {@code runScript} command's argument schema.
 *
 * @param timeoutMs           wall-clock limit per source (and for reading {@code DEFAULT_URLS});
 *                            the child JVM is killed when it is reached
 * @param memoryMb            heap of the child JVM ({@code -Xmx}); exceeding it ends the source with a
 *                            resource error
 * @param statementLimit      JavaScript statements per source, a second line of defence behind the
 *                            wall clock
 * @param maxRecords          records per run, all sources together, before de-duplication
 * @param maxOutputBytes      serialized record bytes per run; one record may use at most
 *                            {@link #MAX_RECORD_BYTES}
 * @param maxLogLines         log lines per run
 * @param maxFetchesPerSource {@code http.get} calls per source
 */
public record ScriptLimits(long timeoutMs, int memoryMb, long statementLimit, int maxRecords,
                           long maxOutputBytes, int maxLogLines, int maxFetchesPerSource) {

    /** The largest single record accepted, serialized as JSON. */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    public static final ScriptLimits DEFAULTS =
            new ScriptLimits(30_000, 256, 100_000_000L, 10_000, 16L << 20, 1_000, 100);

    private static final Range TIMEOUT_MS = new Range(100, 840_000);
    private static final Range MEMORY_MB = new Range(32, 2048);
    private static final Range STATEMENTS = new Range(1_000, 10_000_000_000L);
    private static final Range RECORDS = new Range(1, 1_000_000);
    private static final Range OUTPUT_BYTES = new Range(1_024, 256L << 20);
    private static final Range LOG_LINES = new Range(0, 100_000);
    private static final Range FETCHES = new Range(0, 10_000);

    /** Reads limits from JSON; absent fields take their default. */
    @JsonCreator
    static ScriptLimits fromJson(@JsonProperty("timeoutMs") Long timeoutMs,
                                 @JsonProperty("memoryMb") Integer memoryMb,
                                 @JsonProperty("statementLimit") Long statementLimit,
                                 @JsonProperty("maxRecords") Integer maxRecords,
                                 @JsonProperty("maxOutputBytes") Long maxOutputBytes,
                                 @JsonProperty("maxLogLines") Integer maxLogLines,
                                 @JsonProperty("maxFetchesPerSource") Integer maxFetchesPerSource) {
        ScriptLimits d = DEFAULTS;
        return new ScriptLimits(timeoutMs == null ? d.timeoutMs : timeoutMs,
                memoryMb == null ? d.memoryMb : memoryMb,
                statementLimit == null ? d.statementLimit : statementLimit,
                maxRecords == null ? d.maxRecords : maxRecords,
                maxOutputBytes == null ? d.maxOutputBytes : maxOutputBytes,
                maxLogLines == null ? d.maxLogLines : maxLogLines,
                maxFetchesPerSource == null ? d.maxFetchesPerSource : maxFetchesPerSource);
    }

    public ScriptLimits withTimeoutMs(long value) {
        return new ScriptLimits(value, memoryMb, statementLimit, maxRecords, maxOutputBytes, maxLogLines,
                maxFetchesPerSource);
    }

    public ScriptLimits withMemoryMb(int value) {
        return new ScriptLimits(timeoutMs, value, statementLimit, maxRecords, maxOutputBytes, maxLogLines,
                maxFetchesPerSource);
    }

    public ScriptLimits withStatementLimit(long value) {
        return new ScriptLimits(timeoutMs, memoryMb, value, maxRecords, maxOutputBytes, maxLogLines,
                maxFetchesPerSource);
    }

    public ScriptLimits withMaxRecords(int value) {
        return new ScriptLimits(timeoutMs, memoryMb, statementLimit, value, maxOutputBytes, maxLogLines,
                maxFetchesPerSource);
    }

    public ScriptLimits withMaxOutputBytes(long value) {
        return new ScriptLimits(timeoutMs, memoryMb, statementLimit, maxRecords, value, maxLogLines,
                maxFetchesPerSource);
    }

    public ScriptLimits withMaxLogLines(int value) {
        return new ScriptLimits(timeoutMs, memoryMb, statementLimit, maxRecords, maxOutputBytes, value,
                maxFetchesPerSource);
    }

    public ScriptLimits withMaxFetchesPerSource(int value) {
        return new ScriptLimits(timeoutMs, memoryMb, statementLimit, maxRecords, maxOutputBytes, maxLogLines,
                value);
    }

    /** Every limit outside its permitted range, as readable messages; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        TIMEOUT_MS.check("timeoutMs", timeoutMs, problems);
        MEMORY_MB.check("memoryMb", memoryMb, problems);
        STATEMENTS.check("statementLimit", statementLimit, problems);
        RECORDS.check("maxRecords", maxRecords, problems);
        OUTPUT_BYTES.check("maxOutputBytes", maxOutputBytes, problems);
        LOG_LINES.check("maxLogLines", maxLogLines, problems);
        FETCHES.check("maxFetchesPerSource", maxFetchesPerSource, problems);
        return List.copyOf(problems);
    }

    private record Range(long min, long max) {
        void check(String name, long value, List<String> problems) {
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + " (was " + value + ")");
            }
        }
    }
}
