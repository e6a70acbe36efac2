package io.crawlseq.crawler.frontier;

/**
 * A URL waiting to be fetched. Entries are ordered by {@code (depth, seq)}: breadth-first, and
 * within a depth in discovery order. The key never changes, so the order of processing is the same
 * whatever the timing, and the same after an export and restore.
 *
 * @param url      normalised URL
 * @param depth    link distance from a seed
 * @param seq      discovery number (unique, increasing)
 * @param attempts fetch attempts already made (retries of transient failures)
 */
public record FrontierEntry(String url, int depth, long seq, int attempts) implements Comparable<FrontierEntry> {

    @Override
    public int compareTo(FrontierEntry other) {
        int byDepth = Integer.compare(depth, other.depth);
        return byDepth != 0 ? byDepth : Long.compare(seq, other.seq);
    }

    public FrontierEntry retried() {
        return new FrontierEntry(url, depth, seq, attempts + 1);
    }
}
