package io.crawlseq.lang.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call of a crawl command.
 *
 * @param id          the explicit {@code id}, or {@code step<N>} where N is the command's 1-based
 *                    position among all commands in document order
 * @param idExplicit  whether the user wrote the id
 * @param command     the command name (validated against the registry before anything runs)
 * @param args        the arguments as written, templates not yet resolved; never null (a deep copy
 *                    owned by this record; the accessor returns a fresh copy)
 * @param onError     overrides the sequence default when present
 * @param timeoutMs   per-step timeout in milliseconds
 * @param retry       overrides the default retry policy when present
 */
public record CommandStep(String id, boolean idExplicit, String command, ObjectNode args,
                          Optional<OnError> onError, OptionalLong timeoutMs, Optional<RetryPolicy> retry,
                          String pointer) implements Step {

    public CommandStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(timeoutMs, "timeoutMs");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pointer, "pointer");
        args = args == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : args.deepCopy();
    }

    /** A copy of the arguments the caller may change. */
    @Override
    public ObjectNode args() {
        return args.deepCopy();
    }
}
