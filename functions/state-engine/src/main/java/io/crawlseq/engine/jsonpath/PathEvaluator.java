package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.crawlseq.engine.internal.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Applies segments to a document. Definite paths yield one node or null; others an array of matches. */
final class PathEvaluator {

    private PathEvaluator() {
    }

    static boolean isDefinite(List<PathSegment> segments) {
        for (PathSegment segment : segments) {
            if (!segment.selectsOneNode()) {
                return false;
            }
        }
        return true;
    }

    static JsonNode evaluate(JsonNode start, JsonNode root, List<PathSegment> segments) {
        if (isDefinite(segments)) {
            return evaluateDefinite(start, segments);
        }
        List<JsonNode> current = List.of(start);
        for (PathSegment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(segment, node, root, next);
            }
            current = next;
        }
        ArrayNode matches = Json.NODES.arrayNode(current.size());
        current.forEach(matches::add);
        return matches;
    }

    private static JsonNode evaluateDefinite(JsonNode start, List<PathSegment> segments) {
        JsonNode node = start;
        for (PathSegment segment : segments) {
            node = switch (segment) {
                case PathSegment.Field field -> node.isObject() ? node.get(field.name()) : null;
                case PathSegment.Index index -> element(node, index.index());
                default -> throw new IllegalStateException("not a definite segment: " + segment);
            };
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode element(JsonNode node, int index) {
        if (!node.isArray()) {
            return null;
        }
        int actual = index < 0 ? node.size() + index : index;
        return actual >= 0 && actual < node.size() ? node.get(actual) : null;
    }

    private static void apply(PathSegment segment, JsonNode node, JsonNode root, List<JsonNode> out) {
        switch (segment) {
            case PathSegment.Field field -> addIfPresent(node.isObject() ? node.get(field.name()) : null, out);
            case PathSegment.Index index -> addIfPresent(element(node, index.index()), out);
            case PathSegment.Wildcard ignored -> children(node, out);
            case PathSegment.Slice slice -> slice(slice, node, out);
            case PathSegment.Union union -> union.members().forEach(member -> apply(member, node, root, out));
            case PathSegment.Filter filter -> filter(filter.expression(), node, root, out);
            case PathSegment.DeepScan scan -> deepScan(scan.inner(), node, root, out);
        }
    }

    private static void addIfPresent(JsonNode node, List<JsonNode> out) {
        if (node != null) {
            out.add(node);
        }
    }

    private static void children(JsonNode node, List<JsonNode> out) {
        if (node.isArray() || node.isObject()) {
            node.elements().forEachRemaining(out::add);
        }
    }

    private static void slice(PathSegment.Slice slice, JsonNode node, List<JsonNode> out) {
        if (!node.isArray()) {
            return;
        }
        int size = node.size();
        int step = slice.step() == null ? 1 : slice.step();
        if (step == 0) {
            return;
        }
        if (step > 0) {
            int start = clamp(slice.start() == null ? 0 : slice.start(), size);
            int end = clamp(slice.end() == null ? size : slice.end(), size);
            for (int i = start; i < end; i += step) {
                out.add(node.get(i));
            }
        } else {
            int start = slice.start() == null ? size - 1 : clampDown(slice.start(), size);
            int end = slice.end() == null ? -1 : clampDown(slice.end(), size);
            for (int i = start; i > end; i += step) {
                out.add(node.get(i));
            }
        }
    }

    private static int clamp(int bound, int size) {
        int value = bound < 0 ? size + bound : bound;
        return Math.max(0, Math.min(size, value));
    }

    private static int clampDown(int bound, int size) {
        int value = bound < 0 ? size + bound : bound;
        return Math.max(-1, Math.min(size - 1, value));
    }

    private static void filter(FilterExpression expression, JsonNode node, JsonNode root, List<JsonNode> out) {
        if (!node.isArray() && !node.isObject()) {
            return;
        }
        Iterator<JsonNode> elements = node.elements();
        while (elements.hasNext()) {
            JsonNode element = elements.next();
            if (expression.test(element, root)) {
                out.add(element);
            }
        }
    }

    private static void deepScan(PathSegment inner, JsonNode node, JsonNode root, List<JsonNode> out) {
        apply(inner, node, root, out);
        if (node.isArray() || node.isObject()) {
            Iterator<JsonNode> elements = node.elements();
            while (elements.hasNext()) {
                JsonNode child = elements.next();
                if (child.isContainerNode()) {
                    deepScan(inner, child, root, out);
                }
            }
        }
    }
}
