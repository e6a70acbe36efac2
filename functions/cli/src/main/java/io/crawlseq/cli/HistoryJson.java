package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.StepRecord;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Run and step records as the JSON {@code history}, {@code show} and the text forms print. */
final class HistoryJson {

    private HistoryJson() {
    }

    static ObjectNode run(RunRecord run) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("runId", run.runId());
        o.put("sequence", run.sequenceName());
        o.put("status", run.status().name());
        o.put("startedAt", run.startedAt().toString());
        run.finishedAt().ifPresent(f -> {
            o.put("finishedAt", f.toString());
            o.put("elapsedMs", Duration.between(run.startedAt(), f).toMillis());
        });
        run.executionArn().ifPresent(a -> o.put("executionArn", a));
        ObjectNode summary = o.putObject("summary");
        run.summary().forEach(summary::put);
        error(o, run.error());
        o.set("input", run.input().node());
        return o;
    }

    static ObjectNode step(StepRecord step) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("stepId", step.stepId());
        o.put("command", step.command());
        o.put("invocation", step.invocation());
        o.put("attempt", step.attempt());
        o.put("status", step.status().isTerminal() ? step.status().envelopeName() : "running");
        o.put("startedAt", step.startedAt().toString());
        step.finishedAt().ifPresent(f -> o.put("finishedAt", f.toString()));
        step.elapsedMs().ifPresent(ms -> o.put("elapsedMs", ms));
        o.set("args", step.args().node());
        step.result().ifPresent(r -> o.set("result", r.node()));
        error(o, step.error());
        return o;
    }

    private static void error(ObjectNode o, Optional<ErrorInfo> error) {
        error.ifPresent(e -> o.putObject("error").put("type", e.type()).put("message", e.message()));
    }

    /** {@code hubCount=12 verified=10} from a result's own counters, or its error. */
    static String resultSummary(JsonNode result, int max) {
        if (result == null || result.isMissingNode()) {
            return "";
        }
        if (result.path("error").isObject()) {
            return result.at("/error/type").asText() + ": " + result.at("/error/message").asText();
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        Iterator<Map.Entry<String, JsonNode>> it = result.properties().iterator();
        while (it.hasNext() && shown < max) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && !e.getKey().equals("elapsedMs")) {
                sb.append(shown == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue().asText());
                shown++;
            }
        }
        return sb.toString();
    }
}
