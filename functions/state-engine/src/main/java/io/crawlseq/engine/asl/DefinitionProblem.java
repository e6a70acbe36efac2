package io.crawlseq.engine.asl;

import java.util.Objects;

/**
 * One thing wrong with a definition: a value, never an exception.
 *
 * @param code    what kind of problem, named after Step Functions' ValidateStateMachineDefinition codes
 * @param path    JSONPath of the offending field in the definition, e.g. {@code $.States['Fetch'].Next}
 * @param message one sentence for a human
 */
public record DefinitionProblem(Code code, String path, String message) {

    public DefinitionProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public enum Code {
        /** Not JSON, or a field of the wrong type, missing, unknown or out of range. */
        SCHEMA_VALIDATION_FAILED,
        /** A Next, Default, StartAt or catcher Next naming no state of the graph. */
        MISSING_TRANSITION_TARGET,
        /** A state no transition leads to. */
        UNREACHABLE_STATE,
        /** Two states with the same name anywhere in the machine. */
        DUPLICATE_STATE_NAME,
        /** A malformed JSONPath, or a path where only a reference path is allowed. */
        INVALID_JSON_PATH,
        /** A malformed intrinsic function call. */
        INVALID_INTRINSIC_FUNCTION,
        /** Retry/Catch errors not as AWS requires (e.g. States.ALL not alone or not last). */
        INVALID_ERROR_HANDLING,
        /** Valid ASL that this engine does not run (JSONata, ItemReader, callback patterns...). */
        UNSUPPORTED_FEATURE
    }

    /** {@code path: CODE: message}. */
    public String format() {
        return path + ": " + code + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
