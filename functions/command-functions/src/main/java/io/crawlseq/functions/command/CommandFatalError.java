package io.crawlseq.functions.command;

import io.crawlseq.lang.registry.CommandErrors;

/**
 * Raised out of a command function when retrying cannot help: a payload the function cannot read, a
 * function deployed for another command. Its name ({@link CommandErrors#FATAL_JAVA_LAMBDA}) is
 * what Step Functions sees; the compiled Catch records it as the step's failure.
 */
public final class CommandFatalError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFatalError(String message, Throwable cause) {
        super(message, cause);
    }
}
