package io.crawlseq.sandbox.internal;

/**
 * What a worker enforces for one job: the statement limit, the run's budgets (for messages) and
 * what is left of them when the job starts. The parent checks the same budgets again on what it
 * receives.
 */
public record JobLimits(long statementLimit, int maxRecords, int recordsLeft, long maxOutputBytes,
                        long outputBytesLeft, int maxLogLines, int logLinesLeft, int maxFetches) {
}
