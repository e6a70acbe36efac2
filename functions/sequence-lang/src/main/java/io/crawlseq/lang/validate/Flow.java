package io.crawlseq.lang.validate;

import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.types.DataType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What has run before the step being checked, in document order: the results declared so far and
 * which commands may have run last ({@code results.lastCommand}).
 */
final class Flow {

    /** A result visible from here on. {@code blocks} are the step lists its command sits in. */
    record Declared(String id, CommandStep step, DataType type, List<String> blocks) {
    }

    /**
     * The commands that may have finished last, and whether possibly none has run yet.
     */
    record Last(Set<CommandStep> commands, boolean maybeNone) {

        static final Last NONE = new Last(Set.of(), true);

        Last {
            commands = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(commands));
        }

        static Last of(CommandStep step) {
            return new Last(Set.of(step), false);
        }

        Last union(Last other) {
            Set<CommandStep> all = new LinkedHashSet<>(commands);
            all.addAll(other.commands);
            return new Last(all, maybeNone || other.maybeNone);
        }
    }

    private final Map<String, Declared> results = new HashMap<>();
    private Last last = Last.NONE;

    void declare(Declared declared) {
        results.putIfAbsent(declared.id(), declared);
    }

    Optional<Declared> result(String id) {
        return Optional.ofNullable(results.get(id));
    }

    Last last() {
        return last;
    }

    void last(Last value) {
        last = value;
    }
}
