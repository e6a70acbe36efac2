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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final Behaviour behaviour;

    /**
     * How the site answers what it does not have, and how it treats a busy crawler.
     *
     * @param hiddenPaths       hubs linked from nowhere (only a guess finds them)
     * @param notFoundHtml      the page served with 200 for unknown paths (a soft 404), or null for 404
     * @param missingRedirects  path prefix → where unknown paths under it redirect (302)
     * @param rateLimitEvery    every n-th page request is answered 429 once (0: never)
     * @param retryAfterSeconds the Retry-After sent with a 429
     */
    record Behaviour(Set<String> hiddenPaths, String notFoundHtml, Map<String, String> missingRedirects,
                     int rateLimitEvery, int retryAfterSeconds) {

        static Behaviour plain() {
            return new Behaviour(Set.of(), null, Map.of(), 0, 0);
        }
    }

    FixtureSite(String name, String startPath, Map<String, String> pages, Map<String, String> redirects, String robots,
                Map<String, String> xmlSitemaps,
                Map<String, String> gzipSitemaps, List<ExpectedHub> expected, Set<String> disallowedPrefixes,
                Behaviour behaviour) {
        this.name = name;
        this.startPath = startPath;
        this.pages = Map.copyOf(pages);
        this.redirects = Map.copyOf(redirects);
        this.robots = robots;
        this.xmlSitemaps = Map.copyOf(xmlSitemaps);
        this.gzipSitemaps = Map.copyOf(gzipSitemaps);
        this.expected = List.copyOf(expected);
        this.disallowedPrefixes = Set.copyOf(disallowedPrefixes);
        this.behaviour = behaviour;
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

    /** Hub paths linked from nowhere: only guessing finds them. */
    public Set<String> hiddenPaths() {
        return new TreeSet<>(behaviour.hiddenPaths());
    }

    /** The expected hubs a crawl can reach (the hidden ones left out). */
    public List<ExpectedHub> linkedExpected() {
        return expected.stream().filter(h -> !behaviour.hiddenPaths().contains(h.path())).toList();
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
        byte[] notFound = behaviour.notFoundHtml() == null ? null
                : behaviour.notFoundHtml().replace("{{BASE}}", base).getBytes(StandardCharsets.UTF_8);
        AtomicInteger pageRequests = new AtomicInteger();
        Set<String> limited = ConcurrentHashMap.newKeySet();
        server.fallback((exchange, s) -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = query == null ? path : path + "?" + query;
            int n = pageRequests.incrementAndGet();
            if (behaviour.rateLimitEvery() > 0 && n % behaviour.rateLimitEvery() == 0
                    && limited.add(exchange.getRequestMethod() + " " + pathAndQuery)) {
                Responses.status(429).header("Retry-After", Integer.toString(behaviour.retryAfterSeconds())).serve(exchange, s);
                return;
            }
            byte[] body = rendered.get(pathAndQuery);
            if (body == null && query != null && path.equals("/search")) {
                body = rendered.get(path);
            }
            if (body != null) {
                Responses.bytes(200, "text/html; charset=utf-8", body).serve(exchange, s);
                return;
            }
            for (Map.Entry<String, String> r : behaviour.missingRedirects().entrySet()) {
                if (path.startsWith(r.getKey())) {
                    Responses.redirect(302, r.getValue()).serve(exchange, s);
                    return;
                }
            }
            if (notFound != null) {
                Responses.bytes(200, "text/html; charset=utf-8", notFound).serve(exchange, s);
            } else {
                Responses.status(404).serve(exchange, s);
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
