package io.crawlseq.lang.expr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A dotted path over run data: {@code results.step1.status}, {@code country.code},
 * {@code results.hubs.hubs[0].url}. The first segment is always a field name (the root:
 * {@code context}, {@code results} or a loop variable).
 *
 * @param segments at least one, the first a {@link Field}
 * @param start    0-based offset of the first character in the text it was parsed from
 * @param end      0-based offset just past the last character
 */
public record Path(List<Segment> segments, int start, int end) {

    public Path {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !(segments.getFirst() instanceof Field)) {
            throw new IllegalArgumentException("a path starts with a field name");
        }
    }

    /** One step of a path. {@code offset} is where it starts in the source text (0-based). */
    public sealed interface Segment permits Field, Index {
        int offset();
    }

    public record Field(String name, int offset) implements Segment {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }

    public record Index(int index, int offset) implements Segment {
    }

    public String root() {
        return ((Field) segments.getFirst()).name();
    }

    /** The path as written, normalised: {@code a.b[0].c}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            switch (s) {
                case Field f -> {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(f.name());
                }
                case Index i -> sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /** The field names and indexes as plain strings, e.g. for building a JSONPath. */
    public List<String> names() {
        return segments.stream()
                .map(s -> switch (s) {
                    case Field f -> f.name();
                    case Index i -> "[" + i.index() + "]";
                })
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return text();
    }
}
