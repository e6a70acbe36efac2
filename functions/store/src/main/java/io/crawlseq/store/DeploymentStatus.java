package io.crawlseq.store;

/** Outcome of processing one uploaded version of a sequence. */
public enum DeploymentStatus {
    /** Valid: compiled and deployed as a state machine. */
    DEPLOYED,
    /** Rejected by validation: diagnostics report written next to the sequence, nothing deployed. */
    INVALID
}
