package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A compiled JSONPath in the subset Step Functions accepts: {@code $}, dotted and bracketed fields
 * ({@code $.a.b}, {@code $['a b']}), array indexes (negative from the end), {@code [*]} and {@code .*},
 * slices {@code [a:b:c]}, unions {@code [0,2]}, filters {@code [?(@.x == 1 && @.y)]} and deep scan
 * {@code ..}. A path that starts with {@code $$} addresses the context object.
 *
 * <p>A <em>definite</em> path (fields and indexes only) finds one node or nothing; any other path finds
 * an array of matches, possibly empty. Immutable and thread-safe.
 */
public final class JsonPath {

    /** {@code $}: the whole input. */
    public static final JsonPath ROOT = new JsonPath("$", false, List.of());

    private final String text;
    private final boolean contextPath;
    private final List<PathSegment> segments;
    private final boolean definite;

    JsonPath(String text, boolean contextPath, List<PathSegment> segments) {
        this.text = text;
        this.contextPath = contextPath;
        this.segments = List.copyOf(segments);
        this.definite = PathEvaluator.isDefinite(this.segments);
    }

    /** Compiles {@code text}; a malformed path throws {@link InvalidJsonPathException} with the reason. */
    public static JsonPath compile(String text) {
        return new PathParser(text).parsePath();
    }

    /** The reason {@code text} is not a valid path, or empty when it is. */
    public static Optional<String> syntaxError(String text) {
        try {
            compile(text);
            return Optional.empty();
        } catch (InvalidJsonPathException e) {
            return Optional.of(e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    /** True for {@code $$...}: evaluated against the context object instead of the state's data. */
    public boolean isContextPath() {
        return contextPath;
    }

    public boolean isDefinite() {
        return definite;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * A reference path (ASL's term) names exactly one node: fields and non-negative indexes only, on the
     * state's data. ResultPath must be one.
     */
    public boolean isReferencePath() {
        if (contextPath || !definite) {
            return false;
        }
        for (PathSegment segment : segments) {
            if (segment instanceof PathSegment.Index index && index.index() < 0) {
                return false;
            }
        }
        return true;
    }

    public List<PathSegment> segments() {
        return segments;
    }

    /**
     * Evaluates against {@code document} (the state data, or the context object for a context path; the
     * caller chooses). Definite paths return the node found or empty; other paths return an array of the
     * matches.
     */
    public Optional<JsonNode> find(JsonNode document) {
        return Optional.ofNullable(PathEvaluator.evaluate(document, document, segments));
    }

    /** The normalised bracket form AWS uses in messages, e.g. {@code $['a']['b'][0]}. */
    public String bracketNotation() {
        StringBuilder out = new StringBuilder(contextPath ? "$$" : "$");
        for (PathSegment segment : segments) {
            switch (segment) {
                case PathSegment.Field field -> out.append("['").append(field.name()).append("']");
                case PathSegment.Index index -> out.append('[').append(index.index()).append(']');
                default -> {
                    return text;
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
