package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import java.util.Objects;

/**
 * A failure as recorded in history: the envelope's {@code error} ({@code {type, message}}). The message is
 * cut to {@value #MAX_MESSAGE_CHARS} characters so one error cannot blow the item size.
 */
public record ErrorInfo(String type, String message) {

    public static final int MAX_TYPE_CHARS = 200;
    public static final int MAX_MESSAGE_CHARS = 4000;

    public ErrorInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        type = Checks.truncate(type, MAX_TYPE_CHARS);
        message = Checks.truncate(message, MAX_MESSAGE_CHARS);
    }

    public static ErrorInfo of(String type, String message) {
        return new ErrorInfo(type, message);
    }
}
