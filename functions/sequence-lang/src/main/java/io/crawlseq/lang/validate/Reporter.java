package io.crawlseq.lang.validate;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.parse.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects semantic diagnostics, locating them through the source map. */
final class Reporter {

    private final SourceMap map;
    private final Predicate<String> silenced;
    private final List<Diagnostic> out = new ArrayList<>();

    Reporter(SourceMap map, Predicate<String> silenced) {
        this.map = map;
        this.silenced = silenced;
    }

    /** At the start of the value at {@code pointer}. */
    void at(DiagnosticCode code, String pointer, String message) {
        if (!silenced.test(pointer)) {
            out.add(Diagnostic.of(code, message, pointer, map.locate(pointer)));
        }
    }

    /** At the key of the member at {@code pointer}. */
    void atKey(DiagnosticCode code, String pointer, String message) {
        if (!silenced.test(pointer)) {
            out.add(Diagnostic.of(code, message, pointer, map.locateKey(pointer)));
        }
    }

    /** At a character inside the string at {@code pointer} (or at the string when it has escapes). */
    void inString(DiagnosticCode code, String pointer, String value, int offset, String message) {
        if (!silenced.test(pointer)) {
            out.add(Diagnostic.of(code, message, pointer, map.locateInString(pointer, value, offset)));
        }
    }

    SourceMap map() {
        return map;
    }

    /** "line 12" for messages that refer to another place in the file. */
    String lineOf(String pointer) {
        return "line " + map.locate(pointer).line();
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(out);
    }
}
