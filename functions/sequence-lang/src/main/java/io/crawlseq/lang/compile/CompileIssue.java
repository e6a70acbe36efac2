package io.crawlseq.lang.compile;

import io.crawlseq.lang.diag.DiagnosticCode;
import java.util.Objects;

/**
 * A problem found while compiling: a layer-3 quota or something Step Functions cannot express.
 * It carries a JSON Pointer into the user's sequence (never into the generated ASL); the caller
 * turns it into a positioned {@link io.crawlseq.lang.diag.Diagnostic} with the document's source map.
 */
public record CompileIssue(DiagnosticCode code, String message, String pointer) {

    public CompileIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pointer, "pointer");
    }

    public boolean isError() {
        return code.severity() == io.crawlseq.lang.diag.Severity.ERROR;
    }
}
