package io.crawlseq.lang.model;

/**
 * A node of a sequence's step tree. Every node remembers the JSON Pointer of the object (or, for a
 * v1 string step, the string) it was read from, so later stages can report problems at the user's
 * source position.
 */
public sealed interface Step permits CommandStep, Conditional, ForEach {

    /** JSON Pointer of this step in the source document. */
    String pointer();
}
