package io.crawlseq.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a handler reports. {@code fields} are the command's own result fields (counters, complete
 * lists); the runner adds the envelope (status, timestamps, continuation), caps the lists and stores
 * them in full.
 */
public sealed interface CommandOutcome {

    ObjectNode fields();

    /** The work is done. */
    record Completed(ObjectNode fields) implements CommandOutcome {
        public Completed {
            fields = fields.deepCopy();
        }
    }

    /**
     * The command could not do its job for a reason a crawl engineer should see (the site is
     * unreachable, no hub known for the country...). Not retried; the sequence goes on unless the
     * step aborts on error.
     *
     * @param errorType a short CamelCase name, e.g. {@code SiteUnreachable}
     */
    record Failed(String errorType, String message, ObjectNode fields) implements CommandOutcome {
        public Failed {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
            fields = fields.deepCopy();
        }
    }

    /**
     * The deadline came before the work was done. {@code state} (a frontier, counters) is saved by
     * the runner and handed back in the next invocation's {@link CommandRequest#resumeState()};
     * {@code fields} are the results so far.
     */
    record Partial(JsonNode state, ObjectNode fields) implements CommandOutcome {
        public Partial {
            Objects.requireNonNull(state, "state");
            fields = fields.deepCopy();
        }
    }

    /** There was nothing to do (e.g. no hubs known yet to explore). */
    record Skipped(String reason, ObjectNode fields) implements CommandOutcome {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            fields = fields.deepCopy();
        }
    }

    /** An empty object to add fields to. */
    static ObjectNode noFields() {
        return JsonNodeFactory.instance.objectNode();
    }

    static CommandOutcome completed(ObjectNode fields) {
        return new Completed(fields);
    }

    static CommandOutcome failed(String errorType, String message) {
        return new Failed(errorType, message, noFields());
    }
}
