package io.crawlseq.engine.asl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of parsing a definition: a machine when there are no problems, else every problem found. */
public record ParseResult(Optional<StateMachine> machine, List<DefinitionProblem> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
        if (machine.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a result has a machine or problems, not both or neither");
        }
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * The machine, for callers that treat an invalid definition as a bug (tests, compiled output).
     *
     * @throws IllegalArgumentException listing every problem
     */
    public StateMachine orElseThrow() {
        return machine.orElseThrow(() -> new IllegalArgumentException("invalid state machine definition:\n  "
                + problems.stream().map(DefinitionProblem::format).collect(Collectors.joining("\n  "))));
    }
}
