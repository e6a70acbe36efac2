package io.crawlseq.functions.control;

/** What a run starter event reads as: a {@link StartRequest}, or why it cannot be served. */
sealed interface StartEvent permits StartRequest, StartEvent.Refused {

    /** The caller's mistake, as a value: the starter answers with it rather than failing. */
    record Refused(String reason) implements StartEvent {
    }
}
