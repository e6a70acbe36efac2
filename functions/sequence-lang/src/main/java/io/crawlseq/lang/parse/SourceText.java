package io.crawlseq.lang.parse;

import java.util.Arrays;

/**
 * Decoded source text with an index that turns a UTF-16 offset (what Java strings and Jackson
 * count) into a line and a code-point column in O(log n), even for a multi-megabyte single line.
 * Line breaks are LF, CRLF and a lone CR, as in both JSON and YAML 1.2.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;
    /** Offsets of the high surrogate of every surrogate pair, ascending (usually empty). */
    private final int[] pairStarts;

    SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int lines = 1;
        int[] pairs = new int[0];
        int pairCount = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (pairCount == pairs.length) {
                    pairs = Arrays.copyOf(pairs, Math.max(8, pairCount * 2));
                }
                pairs[pairCount++] = i;
                i++;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
        this.pairStarts = Arrays.copyOf(pairs, pairCount);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** Position of the character at a UTF-16 offset ({@code offset == length()} is the end). */
    Position positionOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int lineIndex = Arrays.binarySearch(lineStarts, clamped);
        if (lineIndex < 0) {
            lineIndex = -lineIndex - 2;
        }
        int lineStart = lineStarts[lineIndex];
        int codePoints = (clamped - lineStart) - pairsBetween(lineStart, clamped);
        return new Position(lineIndex + 1, codePoints + 1);
    }

    /** UTF-16 offset of the code point with the given index (SnakeYAML counts code points). */
    int offsetOfCodePoint(int codePointIndex) {
        // Each surrogate pair before the target adds one char; pairStarts is sorted, so search.
        int lo = 0;
        int hi = pairStarts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // code-point index of the pair at mid is pairStarts[mid] - mid
            if (pairStarts[mid] - mid < codePointIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return codePointIndex + lo;
    }

    private int pairsBetween(int from, int to) {
        if (pairStarts.length == 0) {
            return 0;
        }
        return insertionPoint(to) - insertionPoint(from);
    }

    private int insertionPoint(int offset) {
        int i = Arrays.binarySearch(pairStarts, offset);
        return i >= 0 ? i : -i - 1;
    }
}
