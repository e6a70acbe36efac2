package io.crawlseq.lang.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.Sequence;
import java.util.Map;

/**
 * Builds the run context every run starts with (SPEC §4): the sequence's {@code context} defaults,
 * then the run input on top (top-level keys replace), {@code startUrl} always present when known.
 * The CLI, the run starter Lambda and the planner all use this, so a context means the same
 * everywhere.
 */
public final class RunContexts {

    private RunContexts() {
    }

    /**
     * @param input     run input context (e.g. {@code --context k=v} values, or a starter's event)
     * @param startUrl  explicit start URL (e.g. {@code --start-url}); wins over everything when given
     */
    public static ObjectNode merge(Sequence sequence, ObjectNode input, String startUrl) {
        ObjectNode context = sequence.context();
        if (!context.has("startUrl")) {
            sequence.startUrl().ifPresent(url -> context.put("startUrl", url));
        }
        if (input != null) {
            for (Map.Entry<String, JsonNode> e : input.properties()) {
                context.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (startUrl != null) {
            context.put("startUrl", startUrl);
        }
        return context;
    }
}
