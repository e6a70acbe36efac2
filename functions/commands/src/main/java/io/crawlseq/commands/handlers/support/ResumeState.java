package io.crawlseq.commands.handlers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import java.util.Optional;

/**
 * What a crawling command saves between the invocations of a long crawl: the crawl operation's own
 * state ({@code op}, e.g. a {@code HubFinder.State} or a frontier, with anything the command carries
 * to its final result) and the counters of the invocations so far.
 */
public record ResumeState(JsonNode op, CrawlCounters totals) {

    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("op", op);
        o.set("totals", totals.toJson());
        return o;
    }

    /** The state the runner handed back, if this invocation resumes a long crawl. */
    public static Optional<ResumeState> from(Optional<JsonNode> saved) throws CommandException {
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = saved.get();
        if (!json.path("op").isObject() || !json.path("totals").isObject()) {
            throw CommandException.fatal("the saved state of this long crawl is not one this command wrote");
        }
        return Optional.of(new ResumeState(json.get("op"), CrawlCounters.fromJson(json.get("totals"))));
    }

    /**
     * Whether {@code next} stands where this state stood: the same phase, the same URLs waiting and no
     * URL discovered since. An invocation that ends there again made no progress and would loop forever.
     */
    public boolean samePlaceAs(JsonNode next) {
        // as text: a state read back from the store has other number node types than a fresh one
        return place(op).toString().equals(place(next).toString());
    }

    /** The parts of an op state that move when a crawl makes progress. */
    private static JsonNode place(JsonNode op) {
        JsonNode frontier = op.path("frontier").isObject() ? op.get("frontier") : op;
        if (!frontier.has("pending")) {
            return op;
        }
        ObjectNode place = JsonNodeFactory.instance.objectNode();
        place.set("phase", op.path("phase"));
        place.set("pending", frontier.get("pending"));
        place.set("nextSeq", frontier.path("nextSeq"));
        return place;
    }
}
