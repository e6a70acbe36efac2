package io.crawlseq.sandbox.internal.worker;

import java.util.List;

/** The script's lines, for quoting the line an error points at. */
final class ScriptText {

    private static final int MAX_QUOTED_CHARS = 240;

    private final List<String> lines;

    ScriptText(String script) {
        this.lines = script.lines().toList();
    }

    /** Line {@code line} (1-based), shortened; empty when out of range. */
    String line(int line) {
        if (line < 1 || line > lines.size()) {
            return "";
        }
        String text = lines.get(line - 1);
        return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "…" : text;
    }
}
