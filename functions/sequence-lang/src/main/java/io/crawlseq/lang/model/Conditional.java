package io.crawlseq.lang.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code if} / {@code then} / {@code else}. The condition is kept as source text; the expression
 * package parses it (the validator reports syntax errors with their column).
 *
 * @param condition     the {@code if} expression as written
 * @param thenSteps     steps run when the condition holds
 * @param elseSteps     steps run otherwise; empty when there is no {@code else}
 * @param hasElse       whether the user wrote an {@code else} (an empty one is still written)
 */
public record Conditional(String condition, List<Step> thenSteps, List<Step> elseSteps, boolean hasElse,
                          String pointer) implements Step {

    public Conditional {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(pointer, "pointer");
        thenSteps = List.copyOf(thenSteps);
        elseSteps = List.copyOf(elseSteps);
    }

    /** JSON Pointer of the {@code if} string. */
    public String conditionPointer() {
        return pointer + "/if";
    }
}
