package io.crawlseq.lang.parse;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a reader found wrong, plus the pointers whose values are unreliable because of it (an
 * alias left empty, a value with a rejected tag), so later layers do not report them again.
 */
final class ParseReport {

    private final String fileName;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> damaged = new HashSet<>();
    private int droppedErrors;
    private boolean anyError;
    private boolean fatal;

    /** More than the report can show is pointless; an alias bomb would otherwise fill memory. */
    static final int CAP = 1000;

    ParseReport(String fileName) {
        this.fileName = fileName;
    }

    void error(DiagnosticCode code, String message, String pointer, Position at) {
        error(code, message, () -> pointer, at);
    }

    /** The pointer is only spelled out when the diagnostic is kept. */
    void error(DiagnosticCode code, String message, Supplier<String> pointer, Position at) {
        boolean isError = code.severity() == io.crawlseq.lang.diag.Severity.ERROR;
        anyError |= isError;
        fatal |= code == DiagnosticCode.SYNTAX_ERROR || code == DiagnosticCode.NESTING_TOO_DEEP
                || code == DiagnosticCode.FILE_EMPTY;
        if (diagnostics.size() < CAP) {
            diagnostics.add(Diagnostic.of(code, message, pointer.get(), location(at)));
        } else if (isError) {
            droppedErrors++;
        }
    }

    /** True after a problem that leaves no usable tree (syntax, nesting, no document). */
    boolean fatal() {
        return fatal;
    }

    int droppedErrors() {
        return droppedErrors;
    }

    /** Past the cap the report is already unreadable; further damage is not tracked. */
    void damaged(Supplier<String> pointer) {
        if (damaged.size() < CAP) {
            damaged.add(pointer.get());
        }
    }

    SourceLocation location(Position at) {
        return new SourceLocation(fileName, at.line(), at.column());
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    Set<String> damagedPointers() {
        return Set.copyOf(damaged);
    }

    boolean hasErrors() {
        return anyError;
    }
}
