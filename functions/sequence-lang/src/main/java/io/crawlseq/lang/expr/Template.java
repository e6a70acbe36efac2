package io.crawlseq.lang.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A string argument with {@code {{path}}} placeholders. A string that is exactly one placeholder
 * ({@code "{{country.code}}"}, whitespace inside the braces allowed) keeps the referenced value's
 * type; otherwise the result is a string with each placeholder replaced by its value's text.
 * Every {@code {{} starts a placeholder: there is no escape, and a literal {@code {{} is an error.
 */
public record Template(String source, List<Part> parts) {

    public Template {
        Objects.requireNonNull(source, "source");
        parts = List.copyOf(parts);
    }

    /** A piece of the template. */
    public sealed interface Part permits Text, Placeholder {
    }

    public record Text(String text) implements Part {
    }

    /** {@code path} offsets are relative to the start of the whole template string. */
    public record Placeholder(Path path, int openOffset) implements Part {
    }

    /** Quick test used to skip strings with nothing to resolve. */
    public static boolean containsPlaceholder(String value) {
        return value.contains("{{");
    }

    public static ParseResult<Template> parse(String source) {
        List<Part> parts = new ArrayList<>();
        int pos = 0;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            if (open < 0) {
                parts.add(new Text(source.substring(pos)));
                break;
            }
            if (open > pos) {
                parts.add(new Text(source.substring(pos, open)));
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                return new ParseResult.Failed<>(new SyntaxError("unclosed '{{'; expected '}}'", open));
            }
            String inner = source.substring(open + 2, close);
            int lead = 0;
            while (lead < inner.length() && Character.isWhitespace(inner.charAt(lead))) {
                lead++;
            }
            String trimmed = inner.strip();
            int innerStart = open + 2 + lead;
            if (trimmed.isEmpty()) {
                return new ParseResult.Failed<>(new SyntaxError("empty '{{}}'; expected a path such as {{country.code}}", open));
            }
            ParseResult<Path> path = ExpressionParser.parsePath(trimmed);
            if (path instanceof ParseResult.Failed<Path> failed) {
                return new ParseResult.Failed<>(new SyntaxError(
                        failed.error().message(), innerStart + failed.error().offset()));
            }
            parts.add(new Placeholder(shift(path.value(), innerStart), open));
            pos = close + 2;
        }
        return new ParseResult.Ok<>(new Template(source, parts));
    }

    /** True when the template is a single placeholder and nothing else: the value keeps its type. */
    public boolean isWholeValue() {
        return parts.size() == 1 && parts.getFirst() instanceof Placeholder;
    }

    public List<Path> paths() {
        List<Path> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Placeholder ph) {
                out.add(ph.path());
            }
        }
        return out;
    }

    private static Path shift(Path path, int by) {
        List<Path.Segment> shifted = new ArrayList<>();
        for (Path.Segment s : path.segments()) {
            shifted.add(switch (s) {
                case Path.Field f -> new Path.Field(f.name(), f.offset() + by);
                case Path.Index i -> new Path.Index(i.index(), i.offset() + by);
            });
        }
        return new Path(shifted, path.start() + by, path.end() + by);
    }
}
