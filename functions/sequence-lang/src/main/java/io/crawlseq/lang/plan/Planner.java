package io.crawlseq.lang.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.crawlseq.lang.expr.Evaluator;
import io.crawlseq.lang.expr.ExpressionParser;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.expr.Template;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Works out a {@link Plan} from a validated sequence and a run context. Never touches the network. */
public final class Planner {

    private final CommandRegistry registry;

    public Planner(CommandRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param runContext the context a run would start with: the sequence's {@code context} merged
     *                   with the run input (see {@link RunContexts#merge})
     */
    public Plan plan(Sequence sequence, ObjectNode runContext) {
        return new Plan(sequence.name(), runContext, steps(sequence, sequence.steps(), runContext, Map.of()));
    }

    private List<Plan.Node> steps(Sequence sequence, List<Step> steps, ObjectNode context, Map<String, Optional<JsonNode>> vars) {
        List<Plan.Node> out = new ArrayList<>();
        for (Step step : steps) {
            out.add(switch (step) {
                case CommandStep c -> command(sequence, c, context, vars);
                case Conditional c -> branch(sequence, c, context, vars);
                case ForEach f -> loop(sequence, f, context, vars);
            });
        }
        return out;
    }

    private Plan.Command command(Sequence sequence, CommandStep step, ObjectNode context, Map<String, Optional<JsonNode>> vars) {
        CommandSpec spec = registry.require(step.command());
        Set<String> deferred = new LinkedHashSet<>();
        ObjectNode resolved = (ObjectNode) resolve(step.args(), data(context, vars), deferred);
        return new Plan.Command(step.id(), step.command(), spec.withDefaults(resolved), List.copyOf(deferred),
                spec.lambda(), sequence.onErrorOf(step).jsonValue(), step.timeoutMs(),
                step.retry().orElse(RetryPolicy.DEFAULT), step.pointer());
    }

    private Plan.Branch branch(Sequence sequence, Conditional c, ObjectNode context, Map<String, Optional<JsonNode>> vars) {
        Evaluator.Outcome outcome = Evaluator.truth(ExpressionParser.parse(c.condition()).value(), data(context, vars));
        Plan.Decision decision;
        List<String> decidedBy = new ArrayList<>();
        switch (outcome) {
            case Evaluator.Known k -> decision = k.value() ? Plan.Decision.THEN : Plan.Decision.ELSE;
            case Evaluator.Unknown u -> {
                decision = Plan.Decision.AT_RUN_TIME;
                u.decidedBy().stream().map(Path::text).distinct().forEach(decidedBy::add);
            }
        }
        return new Plan.Branch(c.condition(), decision, decidedBy, steps(sequence, c.thenSteps(), context, vars),
                steps(sequence, c.elseSteps(), context, vars), c.pointer());
    }

    private Plan.Loop loop(Sequence sequence, ForEach f, ObjectNode context, Map<String, Optional<JsonNode>> vars) {
        Path each = ExpressionParser.parsePath(f.each()).value();
        Optional<JsonNode> items = data(context, vars).resolve(each);
        List<Plan.Iteration> iterations = new ArrayList<>();
        OptionalInt count = OptionalInt.empty();
        if (items.isPresent() && items.get().isArray()) {
            ArrayNode array = (ArrayNode) items.get();
            count = OptionalInt.of(array.size());
            for (int i = 0; i < array.size(); i++) {
                Map<String, Optional<JsonNode>> inner = new HashMap<>(vars);
                inner.put(f.as(), Optional.of(array.get(i)));
                iterations.add(new Plan.Iteration(OptionalInt.of(i), Optional.of(array.get(i)),
                        steps(sequence, f.body(), context, inner)));
            }
        } else {
            Map<String, Optional<JsonNode>> inner = new HashMap<>(vars);
            inner.put(f.as(), Optional.empty());
            iterations.add(new Plan.Iteration(OptionalInt.empty(), Optional.empty(), steps(sequence, f.body(), context, inner)));
        }
        return new Plan.Loop(f.each(), f.as(), f.maxConcurrency(), count, iterations, f.pointer());
    }

    /** Context values are known; results are not; loop variables are known when their items are. */
    private static Evaluator.Data data(ObjectNode context, Map<String, Optional<JsonNode>> vars) {
        return path -> {
            String root = path.root();
            List<Path.Segment> rest = path.segments().subList(1, path.segments().size());
            if (root.equals("context")) {
                return Optional.of(Evaluator.walk(context, rest));
            }
            if (root.equals("results")) {
                return Optional.empty();
            }
            Optional<JsonNode> var = vars.getOrDefault(root, Optional.empty());
            return var.map(v -> Evaluator.walk(v, rest));
        };
    }

    private static JsonNode resolve(JsonNode value, Evaluator.Data data, Set<String> deferred) {
        if (value.isTextual() && Template.containsPlaceholder(value.textValue())) {
            return resolveString(value.textValue(), data, deferred);
        }
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> out.set(e.getKey(), resolve(e.getValue(), data, deferred)));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(resolve(v, data, deferred)));
            return out;
        }
        return value.deepCopy();
    }

    private static JsonNode resolveString(String text, Evaluator.Data data, Set<String> deferred) {
        Template template = Template.parse(text).value();
        List<Optional<JsonNode>> values = template.paths().stream().map(data::resolve).toList();
        if (values.stream().anyMatch(Optional::isEmpty)) {
            template.paths().stream().filter(p -> data.resolve(p).isEmpty()).map(Path::text).forEach(deferred::add);
            return TextNode.valueOf(text);
        }
        if (template.isWholeValue()) {
            return values.getFirst().get().deepCopy();
        }
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Text t -> sb.append(t.text());
                case Template.Placeholder p -> {
                    JsonNode v = values.get(next++).get();
                    sb.append(v.isTextual() ? v.textValue() : v.isMissingNode() ? "" : v.toString());
                }
            }
        }
        return TextNode.valueOf(sb.toString());
    }
}
