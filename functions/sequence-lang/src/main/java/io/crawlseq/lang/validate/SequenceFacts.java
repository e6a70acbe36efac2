package io.crawlseq.lang.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Facts about the whole sequence that checks at one step need: every id, every loop variable, the context. */
final class SequenceFacts {

    /** Context keys every run provides, whatever the sequence declares. */
    static final Map<String, DataType> RUN_PROVIDED = Map.of(
            "startUrl", DataType.STRING,
            "runId", DataType.STRING,
            "sequenceName", DataType.STRING);

    private final Map<String, CommandStep> commandsById = new LinkedHashMap<>();
    private final Map<String, String> loopVariables = new LinkedHashMap<>();
    private final Map<String, DataType> declaredContext = new LinkedHashMap<>();

    SequenceFacts(Sequence sequence) {
        for (CommandStep c : sequence.commands()) {
            commandsById.putIfAbsent(c.id(), c);
        }
        collectLoopVariables(sequence.steps());
        ObjectNode context = sequence.context();
        context.properties().forEach(e -> declaredContext.put(e.getKey(), DataType.ofJson(e.getValue())));
    }

    private void collectLoopVariables(List<Step> steps) {
        for (Step step : steps) {
            switch (step) {
                case CommandStep c -> {
                }
                case Conditional c -> {
                    collectLoopVariables(c.thenSteps());
                    collectLoopVariables(c.elseSteps());
                }
                case ForEach f -> {
                    if (!f.as().isEmpty()) {
                        loopVariables.putIfAbsent(f.as(), f.pointer());
                    }
                    collectLoopVariables(f.body());
                }
            }
        }
    }

    /** The first command with this id anywhere in the sequence. */
    Optional<CommandStep> command(String id) {
        return Optional.ofNullable(commandsById.get(id));
    }

    java.util.Set<String> ids() {
        return commandsById.keySet();
    }

    /** Pointer of the first ForEach binding this name. */
    Optional<String> loopVariable(String name) {
        return Optional.ofNullable(loopVariables.get(name));
    }

    /** Declared type of a context key, else its run-provided type. */
    Optional<DataType> contextKey(String key) {
        DataType declared = declaredContext.get(key);
        return declared != null ? Optional.of(declared) : Optional.ofNullable(RUN_PROVIDED.get(key));
    }

    java.util.Set<String> contextKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(declaredContext.keySet());
        keys.addAll(RUN_PROVIDED.keySet());
        return keys;
    }

    DataType contextType() {
        Map<String, DataType> fields = new LinkedHashMap<>(RUN_PROVIDED);
        fields.putAll(declaredContext);
        return new DataType.ObjectType("context", fields, true);
    }
}
