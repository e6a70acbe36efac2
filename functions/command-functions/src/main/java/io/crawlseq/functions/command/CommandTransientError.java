package io.crawlseq.functions.command;

import io.crawlseq.lang.registry.CommandErrors;

/**
 * Raised out of a command function for infrastructure trouble worth retrying (the store throttles,
 * a continuation is held by another invocation). The Java Lambda runtime reports the class's fully
 * qualified name as the error type, which is why this class's name is
 * {@link CommandErrors#TRANSIENT_JAVA_LAMBDA} and the compiled Retry rules list it.
 */
public final class CommandTransientError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandTransientError(String message, Throwable cause) {
        super(message, cause);
    }
}
