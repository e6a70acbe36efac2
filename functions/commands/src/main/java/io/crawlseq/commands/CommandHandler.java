package io.crawlseq.commands;

/**
 * The implementation of one registry command. Handlers are stateless and thread-safe; everything
 * an invocation needs comes in the request and the services. A handler should return
 * {@link CommandOutcome.Partial} rather than run past {@link CommandRequest#deadline()}.
 */
public interface CommandHandler {

    /** The registry name this handler implements. */
    String command();

    CommandOutcome run(CommandRequest request, CommandServices services) throws CommandException, InterruptedException;
}
