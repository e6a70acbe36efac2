package io.crawlseq.lang.parse;

/**
 * A 1-based line and column in a decoded source text. Columns count Unicode code points, so a tab,
 * an accented letter or an emoji is one column each; a byte order mark is not counted.
 */
public record Position(int line, int column) implements Comparable<Position> {

    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The same line, {@code delta} code points further right. */
    public Position plusColumns(int delta) {
        return new Position(line, column + delta);
    }

    @Override
    public int compareTo(Position other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
