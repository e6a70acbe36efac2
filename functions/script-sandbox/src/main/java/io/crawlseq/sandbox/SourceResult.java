package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * How one source went.
 *
 * @param records        records of this source kept after de-duplication
 * @param duplicates     records of this source dropped as duplicates of earlier ones
 * @param elapsedMs      time from handing the source to the script until it finished or was stopped
 * @param error          why it failed; null on success
 * @param scriptMetadata the {@code metadata} object the script returned with its data; null if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceResult(String source, boolean success, int records, int duplicates, long elapsedMs,
                           ScriptError error, JsonNode scriptMetadata) {
    public SourceResult {
        Objects.requireNonNull(source, "source");
        if (success != (error == null)) {
            throw new IllegalArgumentException("a source succeeds exactly when it has no error");
        }
    }
}
