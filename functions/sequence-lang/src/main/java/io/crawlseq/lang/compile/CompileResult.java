package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SortedSet;

/**
 * The output of {@link SequenceCompiler#compile}.
 *
 * @param definition     the ASL definition (a fresh copy on each access)
 * @param json           the same, printed deterministically (2-space indent, {@code \n}, trailing newline)
 * @param issues         layer-3 problems, by JSON Pointer into the sequence; any error means the
 *                       definition must not be deployed
 * @param substitutions  names of the {@code ${...}} placeholders the definition uses, sorted
 *                       (e.g. {@code EnsureCountryHubsFunctionArn}); empty when ARNs were filled in
 * @param estimatedHistoryEvents expected history events of one successful execution without retries
 * @param stateCount     number of states, nested ones included
 * @param stepStates     the states that run a command (its Task, or the Pass of a command without a
 *                       Lambda), by state name: lets a runner tell which step a history event
 *                       belongs to
 */
public record CompileResult(ObjectNode definition, String json, List<CompileIssue> issues,
                            SortedSet<String> substitutions, long estimatedHistoryEvents, int stateCount,
                            java.util.Map<String, StepState> stepStates) {

    /** A state that runs the command of step {@code stepId}. */
    public record StepState(String stepId, String command) {
    }

    public CompileResult {
        stepStates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stepStates));
        definition = definition.deepCopy();
        issues = List.copyOf(issues);
        substitutions = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(substitutions));
    }

    @Override
    public ObjectNode definition() {
        return definition.deepCopy();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(CompileIssue::isError);
    }
}
