package io.crawlseq.lang.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.Diagnostics;
import io.crawlseq.lang.diag.Severity;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.parse.SourceMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known after loading one file. Immutable.
 *
 * @param fileName     the name diagnostics use
 * @param version      v1 or v2 when the root told
 * @param sequence     present only when there are no errors (warnings allowed)
 * @param diagnostics  the first {@link Diagnostics#DEFAULT_CAP} problems in report order (file,
 *                     line, column, code); {@link #dropped()} says how many more there were
 * @param errorCount   all errors found, including dropped ones
 * @param warningCount all warnings found, including dropped ones
 */
public record LoadResult(String fileName, Optional<SequenceVersion> version, Optional<Sequence> sequence,
                         Optional<JsonNode> document, SourceMap sourceMap, List<Diagnostic> diagnostics,
                         int errorCount, int warningCount) {

    public LoadResult {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(sourceMap, "sourceMap");
        diagnostics = List.copyOf(diagnostics);
        document = document.map(JsonNode::deepCopy);
        if (errorCount > 0 && sequence.isPresent()) {
            throw new IllegalArgumentException("a sequence with errors must not be handed out");
        }
    }

    /** The document as read (a copy; the loader keeps its own). */
    @Override
    public Optional<JsonNode> document() {
        return document.map(JsonNode::deepCopy);
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** Diagnostics found beyond the cap and not listed. */
    public int dropped() {
        return errorCount + warningCount - diagnostics.size();
    }

    /**
     * This result with more diagnostics, e.g. the compiler's layer-3 findings located through
     * {@link #sourceMap()}. Re-sorted and re-capped; the sequence is withdrawn if any is an error.
     */
    public LoadResult withDiagnostics(Collection<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        int errors = errorCount + (int) more.stream().filter(Diagnostic::isError).count();
        int warnings = warningCount + (int) more.stream().filter(d -> d.severity() == Severity.WARNING).count();
        all.sort(Diagnostic.REPORT_ORDER);
        int keep = Math.min(all.size(), Diagnostics.DEFAULT_CAP);
        return new LoadResult(fileName, version, errors > 0 ? Optional.empty() : sequence, document, sourceMap,
                all.subList(0, keep), errors, warnings);
    }
}
