package io.crawlseq.commands;

import io.crawlseq.lang.registry.CommandErrors;

/**
 * Infrastructure trouble a handler cannot turn into a result: the store is unavailable, a
 * dependency throttles. Raised out of the Lambda (or local task) with the error name Retry rules
 * match; user-visible failures (a site that does not answer) are {@link CommandOutcome.Failed}
 * results instead.
 */
public final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorType;

    private CommandException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    /** Worth retrying ({@value CommandErrors#TRANSIENT}). */
    public static CommandException transientFailure(String message, Throwable cause) {
        return new CommandException(CommandErrors.TRANSIENT, message, cause);
    }

    /** Not worth retrying: a broken payload or deployment ({@value CommandErrors#FATAL}). */
    public static CommandException fatal(String message) {
        return new CommandException(CommandErrors.FATAL, message, null);
    }

    /** The error name Step Functions sees. */
    public String errorType() {
        return errorType;
    }

    public boolean isTransient() {
        return CommandErrors.TRANSIENT.equals(errorType);
    }
}
