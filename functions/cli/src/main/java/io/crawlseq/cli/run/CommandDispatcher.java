package io.crawlseq.cli.run;

import io.crawlseq.engine.task.LambdaHandler;
import java.util.Optional;

/**
 * Finds the in-process handler that runs a command, as the command's Lambda would in AWS. The
 * handler receives the Task payload ({@code command, stepId, args, context, runId,
 * continuation?}) and returns the command's result envelope.
 */
@FunctionalInterface
public interface CommandDispatcher {

    Optional<LambdaHandler> handlerFor(String command);

    /** No handlers at all: only mocked steps can run. */
    static CommandDispatcher none() {
        return command -> Optional.empty();
    }
}
