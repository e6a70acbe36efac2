package io.crawlseq.lang.parse;

import io.crawlseq.lang.diag.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every value of a parsed document was written: JSON Pointer to line:column, the same for
 * JSON and YAML. Every stage reports problems by JSON Pointer and asks this map for the location,
 * so the compiler (layer 3) can use it too: {@code sourceMap.locate("/steps/2/args/limit")}.
 *
 * <p>Conventions (see docs/language.md, "Positions"): a value starts at its first character (the
 * opening quote of a JSON string, the first character of a YAML scalar, the {@code {}/{@code [} of
 * a collection, the first entry of a YAML block collection); a member's key is located separately;
 * a column inside a string is exact when the string is written on one line without escapes.
 */
public final class SourceMap {

    /**
     * What is known about one value.
     *
     * @param value    first character of the value
     * @param key      first character of the member's key; null for array items and the root
     * @param content  first character of a string's content (after the quote); null for non-strings
     *                 and for strings whose source does not equal their value
     */
    public record Entry(Position value, Position key, Position content) {

        public Entry {
            Objects.requireNonNull(value, "value");
        }

        /** True when the string is written verbatim on one line, so offsets inside map to columns. */
        public boolean verbatim() {
            return content != null;
        }
    }

    private final String fileName;
    private final Map<String, Entry> entries;

    private SourceMap(String fileName, Map<String, Entry> entries) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.entries = entries;
    }

    /** A map that knows nothing: every pointer is located at 1:1 (unreadable or empty files). */
    public static SourceMap empty(String fileName) {
        return new SourceMap(fileName, Map.of());
    }

    public String fileName() {
        return fileName;
    }

    public Optional<Entry> entry(String pointer) {
        return Optional.ofNullable(entries.get(pointer));
    }

    /** Number of values located (for tests and benchmarks). */
    public int size() {
        return entries.size();
    }

    /**
     * Where the value at {@code pointer} starts; for a pointer that does not exist (a missing key)
     * the nearest existing ancestor, and finally the start of the file.
     */
    public SourceLocation locate(String pointer) {
        return at(nearest(pointer).value());
    }

    /** Where the key of the member at {@code pointer} starts; the value's start for array items. */
    public SourceLocation locateKey(String pointer) {
        Entry e = entries.get(pointer);
        if (e != null && e.key() != null) {
            return at(e.key());
        }
        return locate(pointer);
    }

    /**
     * The location of the character at UTF-16 {@code offset} inside the string {@code value} found
     * at {@code pointer}: exact when the string is written verbatim on one line, otherwise the
     * start of the string (escapes and folding make columns inside it meaningless).
     */
    public SourceLocation locateInString(String pointer, String value, int offset) {
        Entry e = entries.get(pointer);
        if (e == null || !e.verbatim()) {
            return locate(pointer);
        }
        int clamped = Math.max(0, Math.min(offset, value.length()));
        return at(e.content().plusColumns(value.codePointCount(0, clamped)));
    }

    public SourceLocation at(Position position) {
        return new SourceLocation(fileName, position.line(), position.column());
    }

    private Entry nearest(String pointer) {
        String p = pointer;
        while (true) {
            Entry e = entries.get(p);
            if (e != null) {
                return e;
            }
            if (p.isEmpty()) {
                return new Entry(Position.START, null, null);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** Filled by the readers while they build the tree. */
    static final class Builder {
        private final String fileName;
        private final Map<String, Entry> entries = new HashMap<>();

        Builder(String fileName) {
            this.fileName = fileName;
        }

        void put(String pointer, Position value, Position key, Position content) {
            entries.put(pointer, new Entry(value, key, content));
        }

        /** Hands the map over; the builder must not be used afterwards (no copy of 100k entries). */
        SourceMap build() {
            return new SourceMap(fileName, java.util.Collections.unmodifiableMap(entries));
        }
    }
}
