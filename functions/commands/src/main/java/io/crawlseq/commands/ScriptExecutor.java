package io.crawlseq.commands;

import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;

/**
 * Runs an AI script in isolation for {@code runScript}: in-process sandbox runner locally, the
 * script-runner Lambda in AWS.
 */
@FunctionalInterface
public interface ScriptExecutor {

    ScriptResult execute(ScriptRequest request) throws CommandException, InterruptedException;

    /** For deployments without scripts: every call fails clearly. */
    ScriptExecutor UNAVAILABLE = request -> {
        throw CommandException.fatal("no script runner is configured for this deployment");
    };
}
