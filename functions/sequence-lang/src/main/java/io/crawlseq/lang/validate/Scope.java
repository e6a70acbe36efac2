package io.crawlseq.lang.validate;

import io.crawlseq.lang.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a step can see from where it is written: the loop variables of its enclosing ForEach
 * steps, innermost last, and the chain of step lists (then/else/do) it sits in.
 *
 * @param unknownVariable true inside a ForEach whose {@code as} is broken: unknown path roots are
 *                        then probably that variable and are not reported again
 */
record Scope(List<LoopVariable> variables, List<String> blocks, boolean unknownVariable) {

    static final Scope TOP = new Scope(List.of(), List.of(), false);

    record LoopVariable(String name, DataType type, String forEachPointer) {
    }

    Scope {
        variables = List.copyOf(variables);
        blocks = List.copyOf(blocks);
    }

    Optional<LoopVariable> variable(String name) {
        for (int i = variables.size() - 1; i >= 0; i--) {
            if (variables.get(i).name().equals(name)) {
                return Optional.of(variables.get(i));
            }
        }
        return Optional.empty();
    }

    Scope enter(String stepListPointer) {
        List<String> b = new ArrayList<>(blocks);
        b.add(stepListPointer);
        return new Scope(variables, b, unknownVariable);
    }

    Scope with(LoopVariable variable) {
        List<LoopVariable> v = new ArrayList<>(variables);
        v.add(variable);
        return new Scope(v, blocks, unknownVariable);
    }

    Scope withUnknownVariable() {
        return new Scope(variables, blocks, true);
    }

    /** True when everything in {@code definedIn} also encloses this scope (so it ran before here). */
    boolean isWithin(List<String> definedIn) {
        return definedIn.size() <= blocks.size() && blocks.subList(0, definedIn.size()).equals(definedIn);
    }

    /** The first block of {@code definedIn} that does not enclose this scope. */
    String firstBlockOutside(List<String> definedIn) {
        for (int i = 0; i < definedIn.size(); i++) {
            if (i >= blocks.size() || !blocks.get(i).equals(definedIn.get(i))) {
                return definedIn.get(i);
            }
        }
        throw new IllegalStateException("scope is within " + definedIn);
    }
}
