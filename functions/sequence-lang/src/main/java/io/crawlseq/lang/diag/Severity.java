package io.crawlseq.lang.diag;

/** How bad a diagnostic is. Errors stop a sequence from being compiled, deployed or run; warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in the one-line text form ({@code error}, {@code warning}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
