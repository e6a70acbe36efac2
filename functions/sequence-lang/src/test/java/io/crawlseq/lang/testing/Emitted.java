package io.crawlseq.lang.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A document written by one of the test emitters, with the positions the emitter itself recorded
 * while writing (an oracle independent of the readers under test).
 *
 * @param values  pointer → line:column of the value's first character
 * @param keys    pointer → line:column of the member's key
 * @param content pointer → line:column of a string's first content character, for strings
 *                written verbatim
 */
public record Emitted(String fileName, String text, Map<String, Pos> values, Map<String, Pos> keys,
                      Map<String, Pos> content) {

    public record Pos(int line, int column) {
        public Pos plus(int columns) {
            return new Pos(line, column + columns);
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public Pos value(String pointer) {
        return require(values, pointer);
    }

    public Pos key(String pointer) {
        return require(keys, pointer);
    }

    /** Position of the character at UTF-16 {@code offset} of the verbatim string at {@code pointer}. */
    public Pos inString(String pointer, String value, int offset) {
        return Optional.ofNullable(content.get(pointer))
                .map(p -> p.plus(value.codePointCount(0, offset)))
                .orElseGet(() -> value(pointer));
    }

    private static Pos require(Map<String, Pos> map, String pointer) {
        Pos p = map.get(pointer);
        if (p == null) {
            throw new IllegalArgumentException("emitter recorded no position for " + pointer);
        }
        return p;
    }
}
