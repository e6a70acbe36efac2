package io.crawlseq.sandbox;

/** One frame of a script stack: the function ({@code <top level>} outside any) and its 1-based position. */
public record ScriptFrame(String function, int line, int column) {
}
