package io.crawlseq.lang.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated crawl plan. v1 documents become a {@code Sequence} with only {@link CommandStep}s and
 * no metadata, so every later stage handles one shape.
 *
 * @param version     which document form it was read from
 * @param name        {@code name} metadata; names the state machine when present
 * @param description free text
 * @param startUrl    default target site; the run's {@code --start-url} / input wins
 * @param context     default run context (merged under the run input); a fresh copy on access
 * @param schedule    EventBridge {@code rate(...)} or {@code cron(...)} expression
 * @param limits      whole-run limits
 * @param onError     default for steps that do not set their own
 * @param steps       the top-level steps
 */
public record Sequence(SequenceVersion version, Optional<String> name, Optional<String> description,
                       Optional<String> startUrl, ObjectNode context, Optional<String> schedule, Limits limits,
                       OnError onError, List<Step> steps) {

    public Sequence {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(onError, "onError");
        context = context == null ? JsonNodeFactory.instance.objectNode() : context.deepCopy();
        steps = List.copyOf(steps);
    }

    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }

    /** Every command of the sequence in document order (the order that numbers {@code stepN} ids). */
    public List<CommandStep> commands() {
        List<CommandStep> out = new ArrayList<>();
        collectCommands(steps, out);
        return List.copyOf(out);
    }

    private static void collectCommands(List<Step> steps, List<CommandStep> out) {
        for (Step step : steps) {
            switch (step) {
                case CommandStep c -> out.add(c);
                case Conditional c -> {
                    collectCommands(c.thenSteps(), out);
                    collectCommands(c.elseSteps(), out);
                }
                case ForEach f -> collectCommands(f.body(), out);
            }
        }
    }

    /** The effective error policy of one step. */
    public OnError onErrorOf(CommandStep step) {
        return step.onError().orElse(onError);
    }
}
