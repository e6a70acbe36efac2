package io.crawlseq.cli;

import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import java.util.ArrayList;
import java.util.List;

/** Fixture news sites from the crawler's test-jar, served on loopback for CLI runs. */
final class FixtureServer {

    private FixtureServer() {
    }

    static LoopbackServer serve(FixtureSite site) {
        LoopbackServer server = LoopbackServer.start();
        site.serve(server);
        return server;
    }

    /** "kind path iso2|topic" lines of a result's hubs, sorted, like {@code FixtureSite.describe}. */
    static List<String> hubLines(com.fasterxml.jackson.databind.JsonNode hubs, String base) {
        List<String> lines = new ArrayList<>();
        for (var h : hubs) {
            String kind = h.path("kind").asText();
            String extra = kind.equals("country") ? " " + h.path("iso2").asText()
                    : kind.equals("topic") ? " " + h.path("topic").asText() : "";
            lines.add(kind + " " + h.path("url").asText().substring(base.length()) + extra);
        }
        lines.sort(null);
        return lines;
    }
}
