package io.crawlseq.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Run-level figures.
 *
 * @param totalCount      records produced by all sources before de-duplication
 * @param filteredCount   records kept after de-duplication (the size of {@code data})
 * @param duplicateCount  {@code totalCount - filteredCount}
 * @param sources         the sources that ran, in order (explicit, the script's
 *                        {@code DEFAULT_URLS}, or the fallback)
 * @param executionTimeMs wall-clock time of the whole run, child JVM start included
 * @param scrapedAt       when the run started
 */
public record ResultMetadata(int totalCount, int filteredCount, int duplicateCount, String scriptId,
                             List<String> sources, long executionTimeMs, Instant scrapedAt) {
    public ResultMetadata {
        Objects.requireNonNull(scriptId, "scriptId");
        sources = List.copyOf(sources);
        Objects.requireNonNull(scrapedAt, "scrapedAt");
    }
}
