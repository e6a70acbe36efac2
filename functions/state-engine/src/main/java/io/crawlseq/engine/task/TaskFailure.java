package io.crawlseq.engine.task;

import java.util.Objects;

/**
 * A task reported an error. {@code error} is the name Retry and Catch match (a Lambda function error's
 * {@code errorType}, or a service error such as {@code Lambda.TooManyRequestsException}); {@code cause}
 * is free text (for Lambda function errors AWS puts the JSON {@code {errorMessage, errorType,
 * stackTrace}} there). Error names starting with {@code States.} are reserved for the engine.
 */
public final class TaskFailure extends Exception {

    private final String error;
    private final String cause;

    public TaskFailure(String error, String cause) {
        super(error + (cause == null || cause.isEmpty() ? "" : ": " + cause), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    /** The cause text, possibly null. */
    public String cause() {
        return cause;
    }
}
