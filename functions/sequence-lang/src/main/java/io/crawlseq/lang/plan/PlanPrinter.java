package io.crawlseq.lang.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Renders a {@link Plan} for people (indented text) and for programs (JSON). */
public final class PlanPrinter {

    /** Loops with more known items than this show the first ones and a count of the rest. */
    public static final int MAX_ITERATIONS_SHOWN = 10;
    private static final int MAX_VALUE_CHARS = 120;

    private PlanPrinter() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan for ").append(plan.sequenceName().map(n -> "sequence '" + n + "'").orElse("an unnamed sequence"))
                .append(" (dry run: nothing is fetched or stored)\n");
        sb.append("Run context:\n");
        if (plan.runContext().isEmpty()) {
            sb.append("  (empty)\n");
        }
        for (Map.Entry<String, JsonNode> e : plan.runContext().properties()) {
            sb.append("  ").append(e.getKey()).append(" = ").append(shorten(e.getValue().toString())).append('\n');
        }
        sb.append('\n');
        nodes(sb, plan.steps(), "");
        return sb.toString();
    }

    private static void nodes(StringBuilder sb, List<Plan.Node> nodes, String indent) {
        if (nodes.isEmpty()) {
            sb.append(indent).append("(no steps)\n");
        }
        for (Plan.Node node : nodes) {
            switch (node) {
                case Plan.Command c -> command(sb, c, indent);
                case Plan.Branch b -> branch(sb, b, indent);
                case Plan.Loop l -> loop(sb, l, indent);
            }
        }
    }

    private static void command(StringBuilder sb, Plan.Command c, String indent) {
        sb.append(indent).append("- ").append(c.id()).append(": ").append(c.command()).append("  -> ")
                .append(c.function().map(f -> f.logicalId() + " (" + f.memoryMb() + " MB, " + f.timeoutSeconds() + " s)")
                        .orElse("no function (recorded by the state machine)"))
                .append('\n');
        sb.append(indent).append("    args: ").append(shorten(c.args().toString())).append('\n');
        if (!c.deferred().isEmpty()) {
            sb.append(indent).append("    at run time: ").append(String.join(", ", c.deferred())).append('\n');
        }
        StringBuilder policy = new StringBuilder("onError ").append(c.onError());
        c.timeoutMs().ifPresent(ms -> policy.append(", timeout ").append(ms).append(" ms"));
        policy.append(", retries ").append(c.retry().maxAttempts());
        sb.append(indent).append("    ").append(policy).append('\n');
    }

    private static void branch(StringBuilder sb, Plan.Branch b, String indent) {
        sb.append(indent).append("- if ").append(b.condition()).append("  ");
        switch (b.decision()) {
            case THEN -> sb.append("[true now: only 'then' runs]");
            case ELSE -> sb.append("[false now: only 'else' runs]");
            case AT_RUN_TIME -> sb.append("[decided at run time by ").append(String.join(", ", b.decidedBy())).append(']');
        }
        sb.append('\n');
        if (b.decision() != Plan.Decision.ELSE) {
            sb.append(indent).append("  then:\n");
            nodes(sb, b.thenSteps(), indent + "    ");
        }
        if (b.decision() != Plan.Decision.THEN) {
            sb.append(indent).append("  else:\n");
            nodes(sb, b.elseSteps(), indent + "    ");
        }
    }

    private static void loop(StringBuilder sb, Plan.Loop l, String indent) {
        sb.append(indent).append("- for each ").append(l.as()).append(" in ").append(l.each()).append("  [");
        if (l.itemCount().isPresent()) {
            sb.append(l.itemCount().getAsInt()).append(" items known now");
        } else {
            sb.append("items known at run time");
        }
        sb.append(", ").append(l.maxConcurrency() == 1 ? "one at a time" : "up to " + l.maxConcurrency() + " at once")
                .append("]\n");
        List<Plan.Iteration> iterations = l.iterations();
        int shown = Math.min(iterations.size(), MAX_ITERATIONS_SHOWN);
        for (int i = 0; i < shown; i++) {
            Plan.Iteration it = iterations.get(i);
            if (it.index().isPresent()) {
                sb.append(indent).append("  [").append(it.index().getAsInt() + 1).append('/').append(iterations.size())
                        .append("] ").append(l.as()).append(" = ").append(shorten(it.item().map(JsonNode::toString).orElse("?")))
                        .append('\n');
            } else {
                sb.append(indent).append("  each ").append(l.as()).append(":\n");
            }
            nodes(sb, it.steps(), indent + "    ");
        }
        if (iterations.size() > shown) {
            sb.append(indent).append("  ... ").append(iterations.size() - shown).append(" more iterations (see --json)\n");
        }
    }

    private static String shorten(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    public static ObjectNode json(Plan plan) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        plan.sequenceName().ifPresent(n -> out.put("sequence", n));
        out.set("runContext", plan.runContext());
        out.set("steps", jsonNodes(plan.steps()));
        return out;
    }

    private static ArrayNode jsonNodes(List<Plan.Node> nodes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Plan.Node node : nodes) {
            ObjectNode o = array.addObject();
            switch (node) {
                case Plan.Command c -> {
                    o.put("type", "Command");
                    o.put("id", c.id());
                    o.put("command", c.command());
                    c.function().ifPresent(f -> {
                        o.put("function", f.logicalId());
                        o.put("memoryMb", f.memoryMb());
                        o.put("timeoutSeconds", f.timeoutSeconds());
                    });
                    o.set("args", c.args());
                    ArrayNode deferred = o.putArray("resolvedAtRunTime");
                    c.deferred().forEach(deferred::add);
                    o.put("onError", c.onError());
                    c.timeoutMs().ifPresent(ms -> o.put("timeoutMs", ms));
                    o.put("retries", c.retry().maxAttempts());
                }
                case Plan.Branch b -> {
                    o.put("type", "Conditional");
                    o.put("if", b.condition());
                    o.put("decision", switch (b.decision()) {
                        case THEN -> "then";
                        case ELSE -> "else";
                        case AT_RUN_TIME -> "runTime";
                    });
                    ArrayNode by = o.putArray("decidedBy");
                    b.decidedBy().forEach(by::add);
                    o.set("then", jsonNodes(b.thenSteps()));
                    o.set("else", jsonNodes(b.elseSteps()));
                }
                case Plan.Loop l -> {
                    o.put("type", "ForEach");
                    o.put("each", l.each());
                    o.put("as", l.as());
                    o.put("maxConcurrency", l.maxConcurrency());
                    l.itemCount().ifPresent(n -> o.put("itemCount", n));
                    ArrayNode its = o.putArray("iterations");
                    for (Plan.Iteration it : l.iterations()) {
                        ObjectNode io = its.addObject();
                        it.index().ifPresent(i -> io.put("index", i));
                        it.item().ifPresent(v -> io.set("item", v));
                        io.set("steps", jsonNodes(it.steps()));
                    }
                }
            }
            o.put("pointer", node.pointer());
        }
        return array;
    }
}
