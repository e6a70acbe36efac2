package io.crawlseq.commands;

import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;

/**
 * Runs an AI script in isolation for {@code runScript}: in-process sandbox runner locally
 * ({@link io.crawlseq.commands.script.LocalScriptExecutor}), the script-runner Lambda in AWS
 * ({@code io.crawlseq.functions.command.script.LambdaScriptExecutor}). It also reads the script a
 * step names, since where scripts live goes with where they run.
 */
@FunctionalInterface
public interface ScriptExecutor {

    /**
     * Script problems of every kind (syntax, timeouts, refused fetches) are in the result.
     *
     * @throws CommandException when the runner itself is unavailable (no worker JVM, the Lambda
     *                          invoke failed): transient, the state machine retries
     */
    ScriptResult execute(ScriptRequest request) throws CommandException, InterruptedException;

    /** Reads the script at a step's {@code script} location; by default there is no script source. */
    default ScriptLookup read(String location) throws CommandException {
        return ScriptSource.NONE.read(location);
    }

    /** For deployments without scripts: every call fails clearly. */
    ScriptExecutor UNAVAILABLE = request -> {
        throw CommandException.fatal("no script runner is configured for this deployment");
    };
}
