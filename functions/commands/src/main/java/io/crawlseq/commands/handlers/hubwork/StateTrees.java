package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.commands.CommandException;

/** Crawler states (JSON text) inside a handler's saved state (a JSON tree), and back. */
final class StateTrees {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateTrees() {
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("crawler states are always valid JSON", e);
        }
    }

    /** A saved part that does not read back is not something this build wrote: a deployment problem. */
    interface Reader<T> {
        T read(String json) throws JsonProcessingException;
    }

    static <T> T read(JsonNode saved, Reader<T> reader, String what) throws CommandException {
        try {
            if (saved == null || saved.isMissingNode() || saved.isNull()) {
                throw CommandException.fatal("the saved state has no " + what);
            }
            return reader.read(saved.toString());
        } catch (JsonProcessingException e) {
            throw CommandException.fatal("the saved " + what + " does not read back: " + e.getOriginalMessage());
        }
    }
}
