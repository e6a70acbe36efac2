package io.crawlseq.commands;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handlers of this build, by command name. */
public final class HandlerCatalog {

    private final Map<String, CommandHandler> byCommand;

    public HandlerCatalog(Collection<? extends CommandHandler> handlers) {
        Map<String, CommandHandler> map = new LinkedHashMap<>();
        for (CommandHandler h : handlers) {
            if (map.put(h.command(), h) != null) {
                throw new IllegalArgumentException("two handlers for " + h.command());
            }
        }
        this.byCommand = java.util.Collections.unmodifiableMap(map);
    }

    public Optional<CommandHandler> find(String command) {
        return Optional.ofNullable(byCommand.get(command));
    }

    public List<String> commands() {
        return List.copyOf(byCommand.keySet());
    }
}
