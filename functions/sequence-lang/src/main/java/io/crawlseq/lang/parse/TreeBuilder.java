package io.crawlseq.lang.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a Jackson tree and its {@link SourceMap} from the events of either reader, enforcing the
 * nesting cap and rejecting duplicate keys on the way, so JSON and YAML get identical rules.
 * The value of a duplicate key is read (its syntax still matters) but discarded: the first wins.
 * JSON Pointers are only spelled out when a diagnostic needs one, so deep documents with long keys
 * cost memory and time in proportion to their size.
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
    /** Open collections, outermost first. */
    private final List<Frame> stack = new ArrayList<>();
    private JsonNode root;
    private int discardNesting;
    private boolean discardNextValue;

    private static final class Frame {
        final ContainerNode<?> node;
        final SourceMap.Node located;
        final Position start;
        /** How this collection hangs in its parent: a key, or an index (key null); unused for the root. */
        final String keyInParent;
        final int indexInParent;
        final Map<String, Position> keys;
        String pendingKey;
        Position pendingKeyPosition;

        Frame(ContainerNode<?> node, SourceMap.Node located, Position start, String keyInParent, int indexInParent) {
            this.node = node;
            this.located = located;
            this.start = start;
            this.keyInParent = keyInParent;
            this.indexInParent = indexInParent;
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
                    "objects and arrays are nested deeper than " + maxDepth + " levels", this::currentChildPointer, at);
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
        Frame parent = top();
        String key = parent != null && parent.node instanceof ObjectNode ? parent.pendingKey : null;
        int index = parent != null && parent.node instanceof ArrayNode array ? array.size() : -1;
        SourceMap.Node located = attach(node, at, null);
        stack.add(new Frame(node, located, at, key, index));
    }

    /** Closes the innermost object or array. */
    void end() {
        if (discardNesting > 0) {
            discardNesting--;
            return;
        }
        stack.removeLast();
    }

    /**
     * A member key. Returns false when it duplicates an earlier key of the same object (the
     * duplicate is reported, and its value will be discarded).
     */
    boolean key(String name, Position at) {
        if (discardNesting > 0) {
            return true;
        }
        Frame frame = top();
        Position first = frame.keys.putIfAbsent(name, at);
        if (first != null) {
            report.error(DiagnosticCode.DUPLICATE_KEY,
                    "duplicate key " + Quote.of(name) + " (first at line " + first.line() + ", column "
                            + first.column() + "); keys must be unique",
                    () -> Pointers.member(pointerOf(stack.size()), name), at);
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

    /** The pointer the next value will get (for diagnostics about it before it is attached). */
    String currentChildPointer() {
        Frame frame = top();
        if (frame == null) {
            return "";
        }
        String container = pointerOf(stack.size());
        if (frame.node instanceof ArrayNode array) {
            return Pointers.item(container, array.size());
        }
        return frame.pendingKey == null ? container : Pointers.member(container, frame.pendingKey);
    }

    /** Pointer of the innermost open collection ({@code ""} at the root). */
    String currentContainerPointer() {
        return pointerOf(stack.size());
    }

    /** Spells out the pointer of the collection at stack depth {@code depth} (0 = none open = root). */
    private String pointerOf(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < depth; i++) {
            Frame f = stack.get(i);
            sb.append('/').append(f.keyInParent != null ? Pointers.escape(f.keyInParent) : Integer.toString(f.indexInParent));
        }
        return sb.toString();
    }

    boolean expectingKey() {
        Frame frame = top();
        return frame != null && frame.node instanceof ObjectNode && frame.pendingKey == null
                && discardNesting == 0 && !discardNextValue;
    }

    /** Describes the innermost open collection for "not closed" messages, e.g. {@code the array opened at line 3, column 7}. */
    Optional<String> innermostOpen() {
        Frame frame = top();
        if (frame == null || discardNesting > 0) {
            return Optional.empty();
        }
        String kind = frame.node instanceof ObjectNode ? "object" : "array";
        return Optional.of("the " + kind + " opened at line " + frame.start.line() + ", column " + frame.start.column());
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

    private Frame top() {
        return stack.isEmpty() ? null : stack.getLast();
    }

    private int depth() {
        return stack.size() + discardNesting;
    }

    /** Attaches a value to the open container (or makes it the root) and records its position. */
    private SourceMap.Node attach(JsonNode node, Position at, Position content) {
        Frame frame = top();
        if (frame == null) {
            root = node;
            return map.root(at, content);
        }
        if (frame.node instanceof ArrayNode array) {
            array.add(node);
            return map.item(frame.located, at, content);
        }
        ObjectNode object = (ObjectNode) frame.node;
        object.set(frame.pendingKey, node);
        SourceMap.Node located = map.member(frame.located, frame.pendingKey, frame.pendingKeyPosition, at, content);
        frame.pendingKey = null;
        frame.pendingKeyPosition = null;
        return located;
    }
}
