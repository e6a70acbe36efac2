package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ErrorNames;
import io.crawlseq.engine.jsonpath.JsonPath;
import io.crawlseq.engine.jsonpath.PathSegment;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * InputPath, OutputPath and ResultPath as Step Functions applies them. Values are never modified in
 * place: ResultPath copies the objects on its way down and shares everything else.
 */
public final class DataFlow {

    private DataFlow() {
    }

    /**
     * InputPath or OutputPath: empty (JSON null) gives {@code {}}; a path that finds nothing is a
     * States.Runtime error.
     */
    public static JsonNode select(Optional<JsonPath> path, JsonNode input, Supplier<JsonNode> context) {
        if (path.isEmpty()) {
            return Json.object();
        }
        JsonPath selected = path.get();
        if (selected.isRoot()) {
            return input;
        }
        JsonNode document = selected.isContextPath() ? context.get() : input;
        return selected.find(document).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + selected.text() + "' : No results for path: " + selected.bracketNotation()));
    }

    /**
     * ResultPath: empty (JSON null) keeps the input, {@code $} replaces it, a deeper path puts the result
     * there, creating missing objects on the way.
     */
    public static JsonNode applyResultPath(Optional<JsonPath> resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath.isEmpty()) {
            return rawInput;
        }
        JsonPath path = resultPath.get();
        if (path.isRoot()) {
            return result;
        }
        return place(rawInput, path.segments(), 0, result, path);
    }

    private static JsonNode place(JsonNode node, List<PathSegment> segments, int index, JsonNode result, JsonPath path) {
        if (index == segments.size()) {
            return result;
        }
        PathSegment segment = segments.get(index);
        if (segment instanceof PathSegment.Field field) {
            ObjectNode copy;
            if (node == null || node.isNull() && index > 0) {
                copy = Json.object();
            } else if (node.isObject()) {
                copy = Json.object();
                copy.setAll((ObjectNode) node);
            } else {
                throw mismatch(path, node);
            }
            copy.set(field.name(), place(copy.get(field.name()), segments, index + 1, result, path));
            return copy;
        }
        PathSegment.Index position = (PathSegment.Index) segment;
        if (node == null || !node.isArray() || position.index() >= node.size()) {
            throw mismatch(path, node);
        }
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        node.forEach(copy::add);
        copy.set(position.index(), place(node.get(position.index()), segments, index + 1, result, path));
        return copy;
    }

    private static StatesError mismatch(JsonPath path, JsonNode node) {
        return new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + path.text()
                + "' to the input " + (node == null ? "(nothing there)" : "'" + Json.render(node) + "'"));
    }
}
