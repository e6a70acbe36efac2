package io.crawlseq.commands;

import io.crawlseq.sandbox.ScriptRequest;
import java.util.Objects;

/** What reading a {@code runScript} step's {@code script} location gave: the script, or why there is none. */
public sealed interface ScriptLookup {

    /**
     * @param scriptId names the script in logs and results (the location, shortened to
     *                 {@link ScriptRequest#MAX_SCRIPT_ID_CHARS} characters from the end)
     */
    record Found(String scriptId, String text) implements ScriptLookup {
        public Found {
            Objects.requireNonNull(text, "text");
            scriptId = idOf(scriptId);
        }
    }

    /** The location names nothing readable; a user mistake, reported as a failed step. */
    record Missing(String message) implements ScriptLookup {
        public Missing {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A script id from a location: the end of it (the file name) is what tells scripts apart. */
    static String idOf(String location) {
        String id = location == null || location.isBlank() ? "script" : location.strip();
        int max = ScriptRequest.MAX_SCRIPT_ID_CHARS;
        return id.length() <= max ? id : "…" + id.substring(id.length() - max + 1);
    }
}
