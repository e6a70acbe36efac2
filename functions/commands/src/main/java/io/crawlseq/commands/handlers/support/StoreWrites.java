package io.crawlseq.commands.handlers.support;

import io.crawlseq.commands.CommandException;

/** Store calls from handlers: a store failure is infrastructure trouble, retried by the state machine. */
public final class StoreWrites {

    private StoreWrites() {
    }

    @FunctionalInterface
    public interface Write {
        void run();
    }

    public static void run(String what, Write write) throws CommandException {
        try {
            write.run();
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not " + what + ": " + e, e);
        }
    }
}
