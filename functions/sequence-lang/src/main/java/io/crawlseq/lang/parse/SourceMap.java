package io.crawlseq.lang.parse;

import io.crawlseq.lang.diag.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * One located value. The map is a tree shaped like the document rather than a table keyed by
     * pointer strings: deep documents with long keys would otherwise repeat each key in the
     * pointer of every value below it (quadratic memory for a hostile 5 MB file).
     */
    static final class Node {
        final Entry entry;
        private Map<String, Node> members;
        private List<Node> items;

        Node(Entry entry) {
            this.entry = entry;
        }

        Node member(String key) {
            return members == null ? null : members.get(key);
        }

        Node item(int index) {
            return items == null || index < 0 || index >= items.size() ? null : items.get(index);
        }
    }

    private final String fileName;
    private final Node root;
    private final int size;

    private SourceMap(String fileName, Node root, int size) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.root = root;
        this.size = size;
    }

    /** A map that knows nothing: every pointer is located at 1:1 (unreadable or empty files). */
    public static SourceMap empty(String fileName) {
        return new SourceMap(fileName, null, 0);
    }

    public String fileName() {
        return fileName;
    }

    public Optional<Entry> entry(String pointer) {
        Walk walk = walk(pointer);
        return walk.complete() ? Optional.of(walk.node().entry) : Optional.empty();
    }

    /** Number of values located (for tests and benchmarks). */
    public int size() {
        return size;
    }

    /**
     * Where the value at {@code pointer} starts; for a pointer that does not exist (a missing key)
     * the nearest existing ancestor, and finally the start of the file.
     */
    public SourceLocation locate(String pointer) {
        Walk walk = walk(pointer);
        return at(walk.node() == null ? Position.START : walk.node().entry.value());
    }

    /** Where the key of the member at {@code pointer} starts; the value's start for array items. */
    public SourceLocation locateKey(String pointer) {
        Optional<Entry> e = entry(pointer);
        if (e.isPresent() && e.get().key() != null) {
            return at(e.get().key());
        }
        return locate(pointer);
    }

    /**
     * The location of the character at UTF-16 {@code offset} inside the string {@code value} found
     * at {@code pointer}: exact when the string is written verbatim on one line, otherwise the
     * start of the string (escapes and folding make columns inside it meaningless).
     */
    public SourceLocation locateInString(String pointer, String value, int offset) {
        Optional<Entry> e = entry(pointer);
        if (e.isEmpty() || !e.get().verbatim()) {
            return locate(pointer);
        }
        int clamped = Math.max(0, Math.min(offset, value.length()));
        return at(e.get().content().plusColumns(value.codePointCount(0, clamped)));
    }

    public SourceLocation at(Position position) {
        return new SourceLocation(fileName, position.line(), position.column());
    }

    private record Walk(Node node, boolean complete) {
    }

    /** Follows the pointer as far as the document goes. */
    private Walk walk(String pointer) {
        if (root == null) {
            return new Walk(null, false);
        }
        if (pointer.isEmpty()) {
            return new Walk(root, true);
        }
        Node node = root;
        int start = 1;
        while (start <= pointer.length()) {
            int slash = pointer.indexOf('/', start);
            int end = slash < 0 ? pointer.length() : slash;
            String token = Pointers.unescape(pointer.substring(start, end));
            Node next = node.member(token);
            if (next == null && node.items != null && isIndex(token)) {
                next = node.item(Integer.parseInt(token));
            }
            if (next == null) {
                return new Walk(node, false);
            }
            node = next;
            start = end + 1;
        }
        return new Walk(node, true);
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Filled by the readers while they build the tree. */
    static final class Builder {
        private final String fileName;
        private Node root;
        private int size;

        Builder(String fileName) {
            this.fileName = fileName;
        }

        Node root(Position value, Position content) {
            root = new Node(new Entry(value, null, content));
            size++;
            return root;
        }

        Node member(Node parent, String key, Position keyAt, Position value, Position content) {
            Node child = new Node(new Entry(value, keyAt, content));
            if (parent.members == null) {
                parent.members = new HashMap<>();
            }
            parent.members.put(key, child);
            size++;
            return child;
        }

        Node item(Node parent, Position value, Position content) {
            Node child = new Node(new Entry(value, null, content));
            if (parent.items == null) {
                parent.items = new ArrayList<>();
            }
            parent.items.add(child);
            size++;
            return child;
        }

        SourceMap build() {
            return new SourceMap(fileName, root, size);
        }
    }
}
