package io.crawlseq.store;

/** What a conditional write of a run or step record did. None of these is an error. */
public enum WriteOutcome {
    /** The record was stored (created, or moved forward). */
    WRITTEN,
    /** An identical record was already stored: a repeated write (retry, duplicate event) changed nothing. */
    ALREADY_WRITTEN,
    /**
     * The stored record is further along (a later attempt, or already finished with a different outcome), so
     * this older write was refused and the stored record kept.
     */
    REJECTED_STALE
}
