package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.expr.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where run data lives in the state at a point of the compiled machine. The state is
 * {@code {context, results}} at the top level; inside a ForEach iteration it also carries
 * {@code vars} (the loop variables in scope) and {@code loop} ({@code index}, {@code last}) so the
 * iteration knows whether it is the last one.
 */
final class Scope {

    private final List<String> loopVariables;

    private Scope(List<String> loopVariables) {
        this.loopVariables = List.copyOf(loopVariables);
    }

    static Scope top() {
        return new Scope(List.of());
    }

    Scope enterLoop(String variable) {
        List<String> vars = new ArrayList<>(loopVariables);
        vars.add(variable);
        return new Scope(vars);
    }

    boolean inLoop() {
        return !loopVariables.isEmpty();
    }

    List<String> loopVariables() {
        return loopVariables;
    }

    /** The JSONPath of a validated path: {@code results.x.y} → {@code $.results.x.y}, {@code country.code} → {@code $.vars.country.code}. */
    String jsonPath(Path path) {
        String root = path.root();
        StringBuilder sb = new StringBuilder();
        if (root.equals("context") || root.equals("results")) {
            sb.append("$.").append(root);
        } else if (loopVariables.contains(root)) {
            sb.append("$.vars.").append(root);
        } else {
            throw new IllegalStateException("unresolved path reached the compiler (validation should have rejected it): " + path);
        }
        for (Path.Segment s : path.segments().subList(1, path.segments().size())) {
            switch (s) {
                case Path.Field f -> sb.append('.').append(f.name());
                case Path.Index i -> sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Parameters that rebuild the state with a new {@code results} (given as a path or intrinsic),
     * dropping scratch fields such as {@code step} or {@code caught}.
     */
    ObjectNode frame(String resultsExpression) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("context.$", "$.context");
        frame.put("results.$", resultsExpression);
        // what a long crawl resumes from; null except between a partial result and its next invocation
        frame.putNull("continuation");
        if (inLoop()) {
            frame.put("vars.$", "$.vars");
            frame.put("loop.$", "$.loop");
        }
        return frame;
    }
}
