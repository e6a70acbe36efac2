package io.crawlseq.lang.model;

import java.util.OptionalInt;

/**
 * Sequence-wide limits.
 *
 * @param timeoutSeconds whole-run limit, compiled to the state machine's {@code TimeoutSeconds}
 * @param maxConcurrency upper bound for every ForEach's {@code maxConcurrency}
 */
public record Limits(OptionalInt timeoutSeconds, OptionalInt maxConcurrency) {

    public static final Limits NONE = new Limits(OptionalInt.empty(), OptionalInt.empty());
}
