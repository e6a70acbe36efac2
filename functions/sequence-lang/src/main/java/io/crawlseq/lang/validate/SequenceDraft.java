package io.crawlseq.lang.validate;

import io.crawlseq.lang.model.Sequence;
import java.util.Objects;
import java.util.Set;

/**
 * A sequence built from a document that may still have shape errors, with notes on what could not
 * be built faithfully, so semantic checks can report everything else without repeating a problem.
 *
 * @param sequence           best-effort model; steps with shape errors carry placeholders
 * @param brokenSteps        pointers of steps with a shape error of their own (not counting nested
 *                           steps): their details are not checked again
 * @param numberingUncertain true when a step could not be classified, so generated {@code stepN}
 *                           ids after it may not be what the author expects
 */
public record SequenceDraft(Sequence sequence, Set<String> brokenSteps, boolean numberingUncertain) {

    public SequenceDraft {
        Objects.requireNonNull(sequence, "sequence");
        brokenSteps = Set.copyOf(brokenSteps);
    }

    public boolean isBroken(String stepPointer) {
        return brokenSteps.contains(stepPointer);
    }
}
