package io.crawlseq.lang.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whitelist of commands. Nothing that is not registered here can appear in a valid sequence,
 * be compiled, or be deployed.
 */
public final class CommandRegistry {

    private static final CommandRegistry STANDARD = new CommandRegistry(StandardCommands.all());

    private final Map<String, CommandSpec> byName;

    public CommandRegistry(List<CommandSpec> specs) {
        Map<String, CommandSpec> map = new LinkedHashMap<>();
        for (CommandSpec spec : specs) {
            if (map.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("command registered twice: " + spec.name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(map);
    }

    /** The commands of SPEC §6. */
    public static CommandRegistry standard() {
        return STANDARD;
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public CommandSpec require(String name) {
        CommandSpec spec = byName.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("not a registered command: " + name);
        }
        return spec;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** All commands in reference order. */
    public List<CommandSpec> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Commands deployed as their own Lambda function. */
    public List<CommandSpec> deployed() {
        return byName.values().stream().filter(c -> c.lambda().isPresent()).toList();
    }

    /** A close registered name for a misspelled one. */
    public Optional<String> suggest(String unknown) {
        return Suggestions.closest(unknown, byName.keySet());
    }
}
