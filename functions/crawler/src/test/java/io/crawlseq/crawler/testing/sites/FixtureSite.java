package io.crawlseq.crawler.testing.sites;

import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A generated news site with its ground truth: every page (HTML with {@code {{BASE}}} where an
 * absolute URL is needed), robots.txt, sitemaps, and the exact hubs a correct detector reports.
 * Serve it on a {@link LoopbackServer} with {@link #serve}; pages are looked up by path and query.
 */
public final class FixtureSite {

    /**
     * A hub the site has: path, kind, ISO code (countries, and regions, cities and place topics in a
     * country), topic key (topics and place topics), and the gazetteer id of its place (regions and
     * cities; null when the site's ground truth does not name one).
     */
    public record ExpectedHub(String path, HubKind kind, String iso2, String topic, String placeId) {

        public ExpectedHub(String path, HubKind kind, String iso2, String topic) {
            this(path, kind, iso2, topic, null);
        }
    }

    private final String name;
    private final Map<String, String> pages;
    private final Map<String, String> redirects;
    private final String robots;
    private final Map<String, String> xmlSitemaps;
    private final Map<String, String> gzipSitemaps;
    private final List<ExpectedHub> expected;
    private final Set<String> disallowedPrefixes;
    private final String startPath;

    FixtureSite(String name, String startPath, Map<String, String> pages, Map<String, String> redirects, String robots,
                Map<String, String> xmlSitemaps,
                Map<String, String> gzipSitemaps, List<ExpectedHub> expected, Set<String> disallowedPrefixes) {
        this.name = name;
        this.startPath = startPath;
        this.pages = Map.copyOf(pages);
        this.redirects = Map.copyOf(redirects);
        this.robots = robots;
        this.xmlSitemaps = Map.copyOf(xmlSitemaps);
        this.gzipSitemaps = Map.copyOf(gzipSitemaps);
        this.expected = List.copyOf(expected);
        this.disallowedPrefixes = Set.copyOf(disallowedPrefixes);
    }

    public String name() {
        return name;
    }

    /** Where a crawl of the site starts ("/" or "/news"). */
    public String startPath() {
        return startPath;
    }

    public List<ExpectedHub> expected() {
        return expected;
    }

    public List<ExpectedHub> expected(HubKind kind) {
        return expected.stream().filter(h -> h.kind() == kind).toList();
    }

    /** Path prefixes robots.txt disallows for everyone: a crawl must never request them. */
    public Set<String> disallowedPrefixes() {
        return disallowedPrefixes;
    }

    /** Paths (with query) of every HTML page. */
    public Set<String> pagePaths() {
        return new TreeSet<>(pages.keySet());
    }

    public int pageCount() {
        return pages.size();
    }

    /** Installs the site on the server (robots.txt, sitemaps, pages; anything else is 404). */
    public void serve(LoopbackServer server) {
        String base = server.baseUrl();
        server.route("/robots.txt", Responses.text(robots.replace("{{BASE}}", base)));
        redirects.forEach((from, to) -> server.route(from, Responses.redirect(301, to)));
        xmlSitemaps.forEach((path, xml) -> server.route(path, Responses.xml(xml.replace("{{BASE}}", base))));
        gzipSitemaps.forEach((path, xml) -> server.route(path, Responses.bytes(200, "application/x-gzip",
                Responses.gzipBytes(xml.replace("{{BASE}}", base).getBytes(StandardCharsets.UTF_8)))));
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        pages.forEach((path, html) -> rendered.put(path, html.replace("{{BASE}}", base).getBytes(StandardCharsets.UTF_8)));
        server.fallback((exchange, s) -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = rendered.get(query == null ? path : path + "?" + query);
            if (body == null && query != null && path.equals("/search")) {
                body = rendered.get(path);
            }
            if (body == null) {
                Responses.status(404).serve(exchange, s);
            } else {
                Responses.bytes(200, "text/html; charset=utf-8", body).serve(exchange, s);
            }
        });
    }

    /** The expected hubs as "kind path [iso2|topic]" lines, for readable assertion failures. */
    public static List<String> describe(List<ExpectedHub> hubs) {
        List<String> lines = new ArrayList<>();
        for (ExpectedHub h : hubs) {
            lines.add(h.kind().wireName() + " " + h.path() + (h.iso2() != null ? " " + h.iso2() : "")
                    + (h.topic() != null ? " " + h.topic() : ""));
        }
        lines.sort(null);
        return lines;
    }
}
