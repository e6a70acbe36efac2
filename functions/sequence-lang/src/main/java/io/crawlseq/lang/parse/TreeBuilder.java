package io.crawlseq.lang.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a Jackson tree and its {@link SourceMap} from the events of either reader, enforcing the
 * nesting cap and rejecting duplicate keys on the way, so JSON and YAML get identical rules.
 * The value of a duplicate key is read (its syntax still matters) but discarded: the first wins.
 */
final class TreeBuilder {

    /** Thrown to stop reading when the nesting cap is passed; the diagnostic is already recorded. */
    static final class TooDeep extends Exception {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ParseReport report;
    private final SourceMap.Builder map;
    private final int maxDepth;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private JsonNode root;
    private int discardNesting;
    private boolean discardNextValue;

    private static final class Frame {
        final ContainerNode<?> node;
        final String pointer;
        final Position start;
        final Map<String, Position> keys;
        String pendingKey;
        Position pendingKeyPosition;

        Frame(ContainerNode<?> node, String pointer, Position start) {
            this.node = node;
            this.pointer = pointer;
            this.start = start;
            this.keys = node instanceof ObjectNode ? new HashMap<>() : null;
        }
    }

    TreeBuilder(ParseReport report, SourceMap.Builder map, int maxDepth) {
        this.report = report;
        this.map = map;
        this.maxDepth = maxDepth;
    }

    void startObject(Position at) throws TooDeep {
        startContainer(NODES.objectNode(), at);
    }

    void startArray(Position at) throws TooDeep {
        startContainer(NODES.arrayNode(), at);
    }

    private void startContainer(ContainerNode<?> node, Position at) throws TooDeep {
        if (depth() + 1 > maxDepth) {
            report.error(DiagnosticCode.NESTING_TOO_DEEP,
                    "objects and arrays are nested deeper than " + maxDepth + " levels", currentChildPointer(), at);
            throw new TooDeep();
        }
        if (discardNesting > 0) {
            discardNesting++;
            return;
        }
        if (discardNextValue) {
            discardNextValue = false;
            discardNesting = 1;
            return;
        }
        String pointer = attach(node, at, null);
        stack.push(new Frame(node, pointer, at));
    }

    /** Closes the innermost object or array. */
    void end() {
        if (discardNesting > 0) {
            discardNesting--;
            return;
        }
        stack.pop();
    }

    /**
     * A member key. Returns false when it duplicates an earlier key of the same object (the
     * duplicate is reported, and its value will be discarded).
     */
    boolean key(String name, Position at) {
        if (discardNesting > 0) {
            return true;
        }
        Frame frame = stack.peek();
        Position first = frame.keys.putIfAbsent(name, at);
        if (first != null) {
            report.error(DiagnosticCode.DUPLICATE_KEY,
                    "duplicate key " + Quote.of(name) + " (first at line " + first.line() + ", column "
                            + first.column() + "); keys must be unique",
                    Pointers.member(frame.pointer, name), at);
            discardNextValue = true;
            return false;
        }
        frame.pendingKey = name;
        frame.pendingKeyPosition = at;
        return true;
    }

    /**
     * A scalar value.
     *
     * @param content first character of a string's content when the source equals the value
     *                verbatim on one line, else null
     */
    void scalar(JsonNode value, Position at, Position content) {
        if (discardNesting > 0) {
            return;
        }
        if (discardNextValue) {
            discardNextValue = false;
            return;
        }
        attach(value, at, content);
    }

    /**
     * Drops the next value entirely (used for members the reader has already reported, such as a
     * YAML merge key): neither the key nor the value is kept.
     */
    void discardNextValue() {
        discardNextValue = true;
    }

    /** The pointer the next value will get (for diagnostics about it before it is attached). */
    String currentChildPointer() {
        Frame frame = stack.peek();
        if (frame == null) {
            return "";
        }
        if (frame.node instanceof ArrayNode array) {
            return Pointers.item(frame.pointer, array.size());
        }
        return frame.pendingKey == null ? frame.pointer : Pointers.member(frame.pointer, frame.pendingKey);
    }

    /** Pointer of the innermost open collection ({@code ""} at the root). */
    String currentContainerPointer() {
        Frame frame = stack.peek();
        return frame == null ? "" : frame.pointer;
    }

    boolean expectingKey() {
        Frame frame = stack.peek();
        return frame != null && frame.node instanceof ObjectNode && frame.pendingKey == null && !discarding();
    }

    /** Describes the innermost open collection for "not closed" messages, e.g. {@code the array opened at line 3, column 7}. */
    java.util.Optional<String> innermostOpen() {
        Frame frame = stack.peek();
        if (frame == null || discardNesting > 0) {
            return java.util.Optional.empty();
        }
        String kind = frame.node instanceof ObjectNode ? "object" : "array";
        return java.util.Optional.of("the " + kind + " opened at line " + frame.start.line() + ", column "
                + frame.start.column());
    }

    /** True while no collection is open (before the root or after it is complete). */
    boolean atTopLevel() {
        return stack.isEmpty() && discardNesting == 0;
    }

    boolean hasRoot() {
        return root != null;
    }

    JsonNode root() {
        return root;
    }

    private boolean discarding() {
        return discardNesting > 0 || discardNextValue;
    }

    private int depth() {
        return stack.size() + discardNesting;
    }

    /** Attaches a value to the open container (or makes it the root) and records its position. */
    private String attach(JsonNode node, Position at, Position content) {
        Frame frame = stack.peek();
        if (frame == null) {
            root = node;
            map.put("", at, null, content);
            return "";
        }
        String pointer;
        Position keyPosition = null;
        if (frame.node instanceof ArrayNode array) {
            pointer = Pointers.item(frame.pointer, array.size());
            array.add(node);
        } else {
            ObjectNode object = (ObjectNode) frame.node;
            pointer = Pointers.member(frame.pointer, frame.pendingKey);
            keyPosition = frame.pendingKeyPosition;
            object.set(frame.pendingKey, node);
            frame.pendingKey = null;
            frame.pendingKeyPosition = null;
        }
        map.put(pointer, at, keyPosition, content);
        return pointer;
    }
}
