package io.crawlseq.lang.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of reading a file: the JSON tree (absent when the file could not be read into one),
 * where each value was written, and the input-level problems found.
 *
 * @param format          empty when the file name has no supported extension
 * @param damagedPointers values the reader replaced or dropped because of a reported problem (an
 *                        alias, a tagged value, an object with a merge key); later layers stay
 *                        silent about them so one mistake yields one diagnostic
 */
public record ParsedDocument(String fileName, Optional<SourceFormat> format, Optional<JsonNode> root,
                             SourceMap sourceMap, List<Diagnostic> diagnostics, Set<String> damagedPointers,
                             int droppedErrors) {

    public ParsedDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(sourceMap, "sourceMap");
        diagnostics = List.copyOf(diagnostics);
        damagedPointers = Set.copyOf(damagedPointers);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when a later-layer diagnostic at {@code pointer} would repeat a problem already reported. */
    public boolean isDamaged(String pointer) {
        if (damagedPointers.isEmpty()) {
            return false;
        }
        String p = pointer;
        while (true) {
            if (damagedPointers.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
            p = Pointers.parent(p);
        }
    }
}
