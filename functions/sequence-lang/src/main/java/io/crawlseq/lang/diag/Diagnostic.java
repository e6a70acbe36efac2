package io.crawlseq.lang.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a sequence: a user mistake expressed as a value, never an exception.
 *
 * @param code     what kind of problem (stable, documented in {@code docs/diagnostics.md})
 * @param severity copied from the code unless deliberately overridden
 * @param message  one sentence for a human, no trailing period
 * @param pointer  JSON Pointer (RFC 6901) into the user's document; {@code ""} is the root
 * @param location where the pointer's value (or key, for unknown keys) starts in the file
 */
public record Diagnostic(DiagnosticCode code, Severity severity, String message, String pointer,
                         SourceLocation location) {

    /** Stable report order: by file, line, column, then code and message. */
    public static final Comparator<Diagnostic> REPORT_ORDER = Comparator
            .comparing(Diagnostic::location)
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
    }

    public static Diagnostic of(DiagnosticCode code, String message, String pointer, SourceLocation location) {
        return new Diagnostic(code, code.severity(), message, pointer, location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error code: message}, the form compilers and editors understand. */
    public String format() {
        return location + ": " + severity.label() + " " + code.id() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
