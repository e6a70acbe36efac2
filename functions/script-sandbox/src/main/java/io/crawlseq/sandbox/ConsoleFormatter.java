package io.crawlseq.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ScriptResult} for a terminal: a summary header, the records grouped by source
 * (long values truncated, nested values summarised), statistics, errors with context (the script line
 * and a caret for syntax errors, the script stack for runtime errors) and the script's log lines. A
 * pure function of the result; {@link ScriptResultJson} is the {@code --json} alternative.
 */
public final class ConsoleFormatter {

    /**
     * @param maxValueChars       characters shown of a string value before it is cut with "…"
     * @param maxRecordsPerSource records shown per source; the rest are counted
     * @param maxLogLines         log lines shown; the rest are counted
     * @param maxStackFrames      stack frames shown per runtime error
     */
    public record Options(int maxValueChars, int maxRecordsPerSource, int maxLogLines, int maxStackFrames) {
        public static final Options STANDARD = new Options(80, 10, 20, 8);
    }

    private static final String RULE = "=".repeat(72);
    private static final String NL = "\n";

    private final Options options;

    private ConsoleFormatter(Options options) {
        this.options = options;
    }

    public static ConsoleFormatter standard() {
        return new ConsoleFormatter(Options.STANDARD);
    }

    public static ConsoleFormatter withOptions(Options options) {
        return new ConsoleFormatter(options);
    }

    public String format(ScriptResult result) {
        StringBuilder out = new StringBuilder();
        header(result, out);
        records(result, out);
        statistics(result, out);
        errors(result, out);
        logs(result, out);
        return out.toString();
    }

    private void header(ScriptResult result, StringBuilder out) {
        ResultMetadata m = result.metadata();
        long failed = result.sourceResults().stream().filter(r -> !r.success()).count();
        String verdict = result.success() ? "SUCCESS"
                : failed > 0 ? "FAILED (" + failed + " of " + result.sourceResults().size() + " sources failed)"
                : "FAILED";
        out.append(RULE).append(NL);
        out.append("Script ").append(m.scriptId()).append(": ").append(verdict).append(NL);
        out.append("Sources: ").append(m.sources().size())
                .append("   Records: ").append(m.filteredCount())
                .append(" (").append(m.totalCount()).append(" produced, ").append(m.duplicateCount())
                .append(plural(m.duplicateCount(), " duplicate", " duplicates")).append(')')
                .append("   Time: ").append(seconds(m.executionTimeMs()))
                .append("   Scraped at: ").append(m.scrapedAt()).append(NL);
        out.append(RULE).append(NL);
    }

    private void records(ScriptResult result, StringBuilder out) {
        List<SourceResult> sources = result.sourceResults();
        for (int i = 0; i < sources.size(); i++) {
            SourceResult source = sources.get(i);
            out.append(NL).append("Source ").append(i + 1).append('/').append(sources.size()).append(": ")
                    .append(source.source()).append("  ").append(sourceSummary(source)).append(NL);
            List<ObjectNode> records = result.recordsOf(source.source());
            int shown = Math.min(records.size(), options.maxRecordsPerSource());
            for (int r = 0; r < shown; r++) {
                out.append("  [").append(r + 1).append("] ").append(recordLine(records.get(r))).append(NL);
            }
            if (records.size() > shown) {
                int more = records.size() - shown;
                out.append("  … ").append(more).append(plural(more, " more record", " more records")).append(NL);
            }
        }
    }

    private static String sourceSummary(SourceResult source) {
        String counts = source.records() + plural(source.records(), " record", " records")
                + (source.duplicates() > 0 ? ", " + source.duplicates()
                + plural(source.duplicates(), " duplicate", " duplicates") : "")
                + ", " + seconds(source.elapsedMs());
        if (source.success()) {
            return "ok: " + counts;
        }
        return "FAILED (" + source.error().type().id() + "): " + counts;
    }

    private String recordLine(ObjectNode record) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            if (field.getKey().equals(ScriptResult.SOURCE_FIELD)) {
                continue;
            }
            if (!line.isEmpty()) {
                line.append("  ");
            }
            line.append(field.getKey()).append(": ").append(value(field.getValue()));
        }
        return line.isEmpty() ? "(empty record)" : line.toString();
    }

    private String value(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            String shown = text.length() > options.maxValueChars()
                    ? text.substring(0, options.maxValueChars()) + "…" : text;
            return TextNode.valueOf(shown).toString();
        }
        if (value.isArray()) {
            return "[" + value.size() + plural(value.size(), " item]", " items]");
        }
        if (value.isObject()) {
            return "{" + value.size() + plural(value.size(), " field}", " fields}");
        }
        return value.toString();
    }

    private static void statistics(ScriptResult result, StringBuilder out) {
        ResultMetadata m = result.metadata();
        long ok = result.sourceResults().stream().filter(SourceResult::success).count();
        out.append(NL).append("Statistics").append(NL);
        out.append("  Records produced:  ").append(m.totalCount()).append(NL);
        out.append("  Unique records:    ").append(m.filteredCount()).append(NL);
        out.append("  Duplicates:        ").append(m.duplicateCount()).append(NL);
        out.append("  Sources succeeded: ").append(ok).append(" of ").append(result.sourceResults().size()).append(NL);
        out.append("  Log lines:         ").append(result.logs().size()).append(NL);
        out.append("  Execution time:    ").append(seconds(m.executionTimeMs())).append(NL);
    }

    private void errors(ScriptResult result, StringBuilder out) {
        if (result.errors().isEmpty()) {
            return;
        }
        out.append(NL).append("Errors (").append(result.errors().size()).append(')').append(NL);
        for (int i = 0; i < result.errors().size(); i++) {
            ScriptError error = result.errors().get(i);
            out.append("  ").append(i + 1).append(". ").append(title(error)).append(NL);
            out.append("     ").append(error.message()).append(NL);
            details(error, out);
        }
    }

    private static String title(ScriptError error) {
        String where = error.source() == null ? "" : " in " + error.source();
        return switch (error) {
            case ScriptError.Syntax s -> "syntax error at line " + s.line() + ", column " + s.column();
            case ScriptError.Runtime r -> "runtime error" + where + ": " + r.errorName();
            case ScriptError.Resource r -> "resource error" + where + ": " + r.resource().name().toLowerCase(Locale.ROOT)
                    + (r.limit() > 0 ? " (limit " + r.limit() + ")" : "");
            case ScriptError.Network n -> "network error" + where + ": " + n.url()
                    + (n.status() == null ? "" : " (HTTP " + n.status() + ")")
                    + (n.outcome().isEmpty() ? "" : " " + n.outcome());
            default -> error.type().id() + " error" + where;
        };
    }

    private void details(ScriptError error, StringBuilder out) {
        switch (error) {
            case ScriptError.Syntax s -> excerpt(s.line(), s.lineText(), s.column(), out);
            case ScriptError.Runtime r -> {
                if (!r.stack().isEmpty()) {
                    excerpt(r.stack().get(0).line(), r.lineText(), r.stack().get(0).column(), out);
                }
                r.stack().stream().limit(options.maxStackFrames()).forEach(frame -> out.append("     at ")
                        .append(frame.function()).append(" (line ").append(frame.line()).append(", column ")
                        .append(frame.column()).append(')').append(NL));
                if (r.stack().size() > options.maxStackFrames()) {
                    out.append("     … ").append(r.stack().size() - options.maxStackFrames()).append(" more frames")
                            .append(NL);
                }
            }
            case ScriptError.Timeout t -> out.append("     stopped after ").append(seconds(t.elapsedMs()))
                    .append("; the ").append(t.partialRecords())
                    .append(plural(t.partialRecords(), " record emitted before the limit is kept",
                            " records emitted before the limit are kept")).append(NL);
            case ScriptError.Security s -> {
                if (!s.attempted().isEmpty()) {
                    out.append("     attempted: ").append(s.attempted()).append(NL);
                }
            }
            default -> {
            }
        }
    }

    /** The script line with its number, and a caret under {@code column} (1-based). */
    private static void excerpt(int line, String text, int column, StringBuilder out) {
        if (line < 1 || text.isEmpty()) {
            return;
        }
        String number = String.valueOf(line);
        out.append("     ").append(number).append(" | ").append(text).append(NL);
        out.append("     ").append(" ".repeat(number.length())).append(" | ")
                .append(caretPadding(text, column)).append('^').append(NL);
    }

    /** Spaces up to the column, keeping tabs so the caret lines up with tab-indented code. */
    private static String caretPadding(String text, int column) {
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < column - 1 && i < text.length(); i++) {
            padding.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return padding.toString();
    }

    private void logs(ScriptResult result, StringBuilder out) {
        if (result.logs().isEmpty()) {
            return;
        }
        out.append(NL).append("Logs (").append(result.logs().size()).append(')').append(NL);
        int shown = Math.min(result.logs().size(), options.maxLogLines());
        for (LogLine line : result.logs().subList(0, shown)) {
            out.append("  ").append(String.format(Locale.ROOT, "%-5s", line.level().id()))
                    .append(line.source() == null ? "" : " [" + line.source() + "]")
                    .append(' ').append(line.message()).append(NL);
        }
        if (result.logs().size() > shown) {
            out.append("  … ").append(result.logs().size() - shown).append(" more log lines").append(NL);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String plural(long count, String one, String many) {
        return count == 1 ? one : many;
    }
}
