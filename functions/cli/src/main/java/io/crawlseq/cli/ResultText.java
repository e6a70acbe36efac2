package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.ResultTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A command's complete result for people: status and counters on top, then its lists as tables
 * (hubs: kind, ISO code or topic, confidence, URL; articles; sections; sitemaps).
 */
final class ResultText {

    /** Table rows shown per list; {@code --json} prints them all. */
    static final int ROWS = 40;

    private static final Set<String> ENVELOPE = new HashSet<>();

    static {
        ResultTypes.ENVELOPE_FIELDS.forEach(f -> ENVELOPE.add(f.name()));
        ENVELOPE.add("reason");
    }

    private ResultText() {
    }

    static String of(ObjectNode result, int invocations) {
        StringBuilder sb = new StringBuilder();
        String status = result.path("status").asText();
        sb.append(result.path("command").asText()).append(": ").append(status).append(" in ")
                .append(seconds(result.path("elapsedMs").asLong()))
                .append(invocations > 1 ? " (" + invocations + " invocations)" : "").append('\n');
        if (result.path("error").isObject()) {
            sb.append("  ").append(result.at("/error/type").asText()).append(": ").append(result.at("/error/message").asText())
                    .append('\n');
        }
        if (result.has("reason")) {
            sb.append("  ").append(result.path("reason").asText()).append('\n');
        }
        List<String> counters = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            if (!ENVELOPE.contains(e.getKey()) && e.getValue().isValueNode()) {
                counters.add(e.getKey() + " " + value(e.getKey(), e.getValue()));
            }
        }
        if (!counters.isEmpty()) {
            sb.append("  ").append(String.join(" · ", counters)).append('\n');
        }
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            if (!ENVELOPE.contains(e.getKey()) && e.getValue().isArray()) {
                list(sb, e.getKey(), e.getValue());
            }
        }
        return sb.toString();
    }

    private static void list(StringBuilder sb, String name, JsonNode items) {
        if (items.isEmpty()) {
            return;
        }
        if (items.get(0).isValueNode()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size() && i < ROWS; i++) {
                values.add(items.get(i).asText());
            }
            sb.append("  ").append(name).append(": ").append(String.join(", ", values))
                    .append(items.size() > ROWS ? ", ... and " + (items.size() - ROWS) + " more" : "").append('\n');
            return;
        }
        sb.append('\n');
        Table table = switch (name) {
            case "hubs" -> new Table(List.of("kind", "iso2/topic", "confidence", "verified", "url"),
                    h -> List.of(h.path("kind").asText(), h.path("iso2").asText(h.path("topic").asText("")),
                            String.format(Locale.ROOT, "%.2f", h.path("confidence").asDouble()),
                            h.path("verified").asBoolean() ? "yes" : "no", h.path("url").asText()));
            case "articles" -> new Table(List.of("published", "title", "url"),
                    a -> List.of(a.path("publishedAt").asText("").replaceFirst("T.*", ""),
                            shorten(a.path("title").asText(""), 60), a.path("url").asText()));
            case "sections" -> new Table(List.of("section", "links", "url"),
                    s -> List.of(s.path("name").asText(), s.path("linkCount").asText(), s.path("url").asText()));
            default -> new Table(List.of(name), v -> List.of(v.toString()));
        };
        table.print(sb, items);
    }

    private record Table(List<String> headers, java.util.function.Function<JsonNode, List<String>> row) {

        void print(StringBuilder sb, JsonNode items) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(headers);
            for (int i = 0; i < items.size() && i < ROWS; i++) {
                rows.add(row.apply(items.get(i)));
            }
            int[] widths = new int[headers.size()];
            for (List<String> r : rows) {
                for (int c = 0; c < r.size(); c++) {
                    widths[c] = Math.max(widths[c], r.get(c).length());
                }
            }
            for (List<String> r : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < r.size(); c++) {
                    line.append(c == r.size() - 1 ? r.get(c) : pad(r.get(c), widths[c] + 2));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            if (items.size() > ROWS) {
                sb.append("  ... and ").append(items.size() - ROWS).append(" more (--json prints them all)\n");
            }
        }
    }

    private static String value(String name, JsonNode v) {
        return name.equals("bytesFetched") ? bytes(v.asLong()) : v.asText();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
    }

    static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
