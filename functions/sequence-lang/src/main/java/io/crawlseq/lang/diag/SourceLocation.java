package io.crawlseq.lang.diag;

import java.util.Objects;

/**
 * A place in a source file. Lines and columns are 1-based; columns count Unicode code points, so a
 * tab or an emoji is one column.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public static SourceLocation start(String file) {
        return new SourceLocation(file, 1, 1);
    }

    /** The same line, {@code delta} columns further right. */
    public SourceLocation shiftColumns(int delta) {
        return new SourceLocation(file, line, column + delta);
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
