package io.crawlseq.lang.model;

/** The two document forms; detected from the root (array = v1, {@code type: Sequence} object = v2). */
public enum SequenceVersion {
    V1, V2
}
