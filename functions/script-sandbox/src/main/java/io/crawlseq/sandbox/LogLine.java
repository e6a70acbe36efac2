package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** A line the script logged ({@code log.*} or {@code console.*}); {@code source} is null outside a source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogLine(String source, LogLevel level, String message) {
    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
