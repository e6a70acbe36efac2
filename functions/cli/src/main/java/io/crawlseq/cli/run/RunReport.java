package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a local run: the execution's status and final output, and every step invocation.
 *
 * @param input  the execution input the run started with ({@code {"context": {...}}})
 * @param output the execution's final output (null unless it succeeded)
 */
public record RunReport(String runId, String sequenceName, ExecutionStatus status, JsonNode input, JsonNode output,
                        String error, String cause, Instant startedAt, Duration elapsed, List<StepRecord> steps) {

    public RunReport {
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    /** The {@code --json} form: {runId, status, input, output, steps: [{id, command, status, args, startedAt, elapsedMs, result}]}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("runId", runId);
        root.put("sequence", sequenceName);
        root.put("status", status.name());
        root.put("startedAt", startedAt.toString());
        root.put("elapsedMs", elapsed.toMillis());
        if (error != null) {
            root.put("error", error);
            root.put("cause", cause);
        }
        root.set("input", input);
        root.set("output", output);
        ArrayNode list = root.putArray("steps");
        for (StepRecord s : steps) {
            ObjectNode o = list.addObject();
            o.put("id", s.stepId());
            o.put("command", s.command());
            o.put("invocation", s.invocation());
            o.put("status", s.status());
            o.set("args", s.args());
            o.put("startedAt", s.startedAt().toString());
            o.put("elapsedMs", s.elapsedMs());
            if (s.mocked()) {
                o.put("mocked", true);
            }
            o.set("result", s.result());
        }
        return root;
    }

    /** A few lines for people. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("run ").append(runId).append(' ').append(status).append(" in ").append(seconds(elapsed.toMillis())).append('\n');
        if (error != null) {
            sb.append("  execution ").append(status.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(error);
            if (cause != null && !cause.isBlank()) {
                sb.append(": ").append(cause);
            }
            sb.append('\n');
        }
        int idWidth = steps.stream().mapToInt(s -> s.stepId().length()).max().orElse(4);
        int commandWidth = steps.stream().mapToInt(s -> s.command().length()).max().orElse(7);
        for (StepRecord s : steps) {
            sb.append(String.format("  %-" + idWidth + "s  %-" + commandWidth + "s  %-8s %7s%s%n", s.stepId(), s.command(),
                    s.status(), seconds(s.elapsedMs()), summary(s.result())));
        }
        if (steps.isEmpty()) {
            sb.append("  (no command ran)\n");
        } else {
            long failed = steps.stream().filter(s -> !"success".equals(s.status()) && !"partial".equals(s.status())).count();
            sb.append("  ").append(steps.size()).append(steps.size() == 1 ? " invocation, " : " invocations, ")
                    .append(failed).append(" failed").append(failed > 0 && succeeded()
                            ? " (the sequence continued past them: onError is continue)" : "").append('\n');
        }
        List<String> warnings = warnings(output);
        warnings.forEach(w -> sb.append("  warning: ").append(w).append('\n'));
        return sb.toString();
    }

    /** Messages of logWarning steps that remain in the final results. */
    public static List<String> warnings(JsonNode output) {
        List<String> out = new ArrayList<>();
        if (output == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = output.path("results").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("lastCommand") && "logWarning".equals(e.getValue().path("command").asText())) {
                out.add(e.getValue().path("message").asText());
            }
        }
        return out;
    }

    static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** {@code  hubCount=12 verified=10} or {@code  error Type: message}. */
    static String summary(JsonNode result) {
        if (result == null) {
            return "";
        }
        if (result.has("error") && result.get("error").isObject()) {
            return "  " + result.get("error").path("type").asText() + ": " + RunProgress.errorMessage(result.get("error"));
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        Iterator<Map.Entry<String, JsonNode>> it = result.fields();
        while (it.hasNext() && shown < 4) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && !e.getKey().equals("elapsedMs")) {
                sb.append(shown == 0 ? "  " : " ").append(e.getKey()).append('=').append(e.getValue().asText());
                shown++;
            }
        }
        return sb.toString();
    }
}
