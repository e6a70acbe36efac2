package io.crawlseq.lang.testing;

import java.util.HashMap;
import java.util.Map;

/** A StringBuilder that knows the line and code-point column it is at. */
final class PositionWriter {

    private final StringBuilder out = new StringBuilder();
    private int line = 1;
    private int column = 1;
    final Map<String, Emitted.Pos> values = new HashMap<>();
    final Map<String, Emitted.Pos> keys = new HashMap<>();
    final Map<String, Emitted.Pos> content = new HashMap<>();
    private final String newline;

    PositionWriter(String newline) {
        this.newline = newline;
    }

    Emitted.Pos here() {
        return new Emitted.Pos(line, column);
    }

    PositionWriter write(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == '\n') {
                throw new IllegalArgumentException("use newline()");
            }
            out.appendCodePoint(cp);
            column++;
            i += Character.charCount(cp);
        }
        return this;
    }

    PositionWriter newline() {
        out.append(newline);
        line++;
        column = 1;
        return this;
    }

    PositionWriter spaces(int n) {
        return write(" ".repeat(n));
    }

    String text() {
        return out.toString();
    }
}
