package io.crawlseq.lang.parse;

/**
 * Caps that keep hostile input cheap to reject. Real sequences are a few kilobytes and a handful
 * of levels deep; a 10,000-step generated sequence is about 2 MB.
 *
 * @param maxBytes  larger files are rejected before they are read
 * @param maxDepth  deeper nesting of objects and arrays is rejected at the first level too deep
 */
public record InputLimits(long maxBytes, int maxDepth) {

    public static final InputLimits DEFAULT = new InputLimits(5L * 1024 * 1024, 64);

    public InputLimits {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        }
    }
}
