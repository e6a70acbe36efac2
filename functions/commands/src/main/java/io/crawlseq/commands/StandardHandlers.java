package io.crawlseq.commands;

import io.crawlseq.commands.handlers.LogWarningHandler;
import io.crawlseq.commands.handlers.RunScriptHandler;
import java.util.List;

/**
 * Every handler of this build. A registry command without a handler here can still be compiled
 * and deployed, but fails when it runs; {@code StandardHandlersTest} lists what is missing.
 */
public final class StandardHandlers {

    private StandardHandlers() {
    }

    public static HandlerCatalog catalog() {
        return new HandlerCatalog(List.of(
                new LogWarningHandler(),
                new RunScriptHandler()));
    }
}
