package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.store.StoredHub;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Hubs as the sorted "kind path iso2|topic" lines the fixture sites' ground truth uses. */
final class HubLines {

    private HubLines() {
    }

    static List<String> of(JsonNode hubs, String base) {
        List<String> lines = new ArrayList<>();
        for (JsonNode h : hubs) {
            lines.add(line(h.path("kind").asText(), h.path("url").asText().substring(base.length()),
                    h.path("iso2").asText(null), h.path("topic").asText(null)));
        }
        lines.sort(null);
        return lines;
    }

    static List<String> stored(Collection<StoredHub> hubs, String base) {
        List<String> lines = new ArrayList<>();
        for (StoredHub s : hubs) {
            lines.add(line(s.hub().kind().wireName(), s.hub().url().substring(base.length()),
                    s.hub().iso2().orElse(null), s.hub().topic().orElse(null)));
        }
        lines.sort(null);
        return lines;
    }

    /** Like {@code FixtureSite.describe}: the ISO code for country hubs only, the topic for topic hubs. */
    private static String line(String kind, String path, String iso2, String topic) {
        String extra = kind.equals("country") && iso2 != null ? " " + iso2 : kind.equals("topic") && topic != null ? " " + topic : "";
        return kind + " " + path + extra;
    }
}
