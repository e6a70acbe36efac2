package io.crawlseq.crawler.testing.sites;

import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated site of paginated hubs whose depth and behaviour past the last page are known: every
 * way a listing is addressed ({@code ?page=N}, {@code /page/N}, {@code /N}, "Older stories" links with
 * cursors, none) and every way a site answers for a page that does not exist (404, an empty template
 * with 200, a redirect to the hub, the last page again, the first page again, a next link back to an
 * earlier page). Every listing page shows ten stories of its own plus a "most read" box repeated on
 * all pages; every story exists as a page with NewsArticle markup.
 *
 * <pre>{@code
 * ArchiveSite site = ArchiveSite.standard();
 * site.serve(server);
 * site.archive("/archive/clamp").depth();        // 13
 * site.storyPaths("/archive/clamp");            // the 130 stories, in listing order
 * }</pre>
 */
public final class ArchiveSite {

    /** How a hub addresses its pages. */
    public enum Addressing { QUERY, PATH_PAGE, PATH_NUMBER, CURSOR, NONE }

    /** What the site answers for a page number past the last. */
    public enum Beyond { NOT_FOUND, SOFT_404, EMPTY_TEMPLATE, REDIRECT_TO_HUB, CLAMP_TO_LAST, WRAP_TO_FIRST }

    /**
     * One hub and its ground truth.
     *
     * @param path         the hub's path
     * @param addressing   how pages are addressed
     * @param depth        pages with stories of their own
     * @param beyond       the answer past the last page (numbered hubs)
     * @param linksBackAt  for cursor hubs: the page whose "older" link leads back to page 2 (0: none)
     * @param style        the paginationStyle a probe must report
     * @param loops        whether a probe must report a loop
     */
    public record Archive(String path, Addressing addressing, int depth, Beyond beyond, int linksBackAt, String style,
                          boolean loops) {
    }

    public static final int STORIES_PER_PAGE = 10;

    private final Map<String, Archive> archives = new LinkedHashMap<>();

    private ArchiveSite(List<Archive> list) {
        list.forEach(a -> archives.put(a.path(), a));
    }

    /** The standard set of hubs, one per behaviour. */
    public static ArchiveSite standard() {
        return new ArchiveSite(List.of(
                new Archive("/archive/query", Addressing.QUERY, 37, Beyond.NOT_FOUND, 0, "query", false),
                new Archive("/archive/soft", Addressing.PATH_PAGE, 23, Beyond.SOFT_404, 0, "path", false),
                new Archive("/archive/empty", Addressing.QUERY, 4, Beyond.EMPTY_TEMPLATE, 0, "query", false),
                new Archive("/archive/number", Addressing.PATH_NUMBER, 9, Beyond.REDIRECT_TO_HUB, 0, "path", false),
                new Archive("/archive/clamp", Addressing.QUERY, 13, Beyond.CLAMP_TO_LAST, 0, "query", true),
                new Archive("/archive/wrap", Addressing.QUERY, 6, Beyond.WRAP_TO_FIRST, 0, "query", true),
                new Archive("/archive/older", Addressing.CURSOR, 8, Beyond.NOT_FOUND, 0, "olderLink", false),
                new Archive("/archive/cycle", Addressing.CURSOR, 5, Beyond.NOT_FOUND, 5, "olderLink", true),
                new Archive("/archive/single", Addressing.NONE, 1, Beyond.NOT_FOUND, 0, "none", false),
                new Archive("/archive/deep", Addressing.QUERY, 1500, Beyond.NOT_FOUND, 0, "query", false)));
    }

    public List<Archive> archives() {
        return List.copyOf(archives.values());
    }

    public Archive archive(String path) {
        Archive a = archives.get(path);
        if (a == null) {
            throw new IllegalArgumentException("no archive " + path);
        }
        return a;
    }

    /** The stories of a hub's pages 1..pages (all of them when pages exceeds the depth), in listing order. */
    public List<String> storyPaths(String hubPath, int pages) {
        Archive a = archive(hubPath);
        List<String> out = new ArrayList<>();
        for (int p = 1; p <= Math.min(pages, a.depth()); p++) {
            for (int i = 1; i <= STORIES_PER_PAGE; i++) {
                out.add(storyPath(a, p, i));
            }
        }
        return out;
    }

    public List<String> storyPaths(String hubPath) {
        return storyPaths(hubPath, Integer.MAX_VALUE);
    }

    /** Installs the site: robots.txt allowing all, the hubs, their pages and stories; anything else is 404. */
    public void serve(LoopbackServer server) {
        server.route("/robots.txt", Responses.text("User-agent: *\nAllow: /\n"));
        server.fallback((exchange, s) -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            respond(path, query).serve(exchange, s);
        });
    }

    private Responses.Response respond(String path, String query) {
        if (path.startsWith("/stories/")) {
            return story(path);
        }
        for (Archive a : archives.values()) {
            int page = pageOf(a, path, query);
            if (page == 0) {
                continue;
            }
            if (page > 0 && page <= a.depth()) {
                return Responses.html(listing(a, page));
            }
            if (page < 0) {
                return Responses.status(404);
            }
            return beyond(a);
        }
        return Responses.status(404);
    }

    /** The page a request addresses: 0 when not this hub, -1 for an unknown URL under it. */
    private static int pageOf(Archive a, String path, String query) {
        String base = a.path();
        if (path.equals(base) || path.equals(base + "/")) {
            return switch (a.addressing()) {
                case QUERY -> query == null ? 1 : queryNumber(query, "page");
                case CURSOR -> query == null ? 1 : cursorPage(a, query);
                default -> query == null ? 1 : -1;
            };
        }
        if (!path.startsWith(base + "/")) {
            return 0;
        }
        String rest = path.substring(base.length() + 1).replaceAll("/$", "");
        if (a.addressing() == Addressing.PATH_PAGE && rest.matches("page/\\d{1,7}")) {
            return Integer.parseInt(rest.substring(5));
        }
        if (a.addressing() == Addressing.PATH_NUMBER && rest.matches("\\d{1,7}")) {
            return Integer.parseInt(rest);
        }
        return -1;
    }

    private static int queryNumber(String query, String name) {
        for (String piece : query.split("&")) {
            if (piece.startsWith(name + "=") && piece.substring(name.length() + 1).matches("\\d{1,7}")) {
                return Integer.parseInt(piece.substring(name.length() + 1));
            }
        }
        return -1;
    }

    /** Cursor pages: {@code ?before=<id of the last story on the previous page>}. */
    private static int cursorPage(Archive a, String query) {
        int before = queryNumber(query, "before");
        for (int p = 1; p < a.depth(); p++) {
            if (before == storyId(a, p, STORIES_PER_PAGE)) {
                return p + 1;
            }
        }
        return -1;
    }

    private Responses.Response beyond(Archive a) {
        return switch (a.beyond()) {
            case NOT_FOUND -> Responses.status(404);
            case SOFT_404 -> Responses.html(page("No stories found | Archive", "<h1>No stories found</h1>"
                    + "<p>Sorry, there is nothing here. Try the latest news.</p>" + mostRead()));
            case EMPTY_TEMPLATE -> Responses.html(page(title(a) + " | Archive", "<h1>" + title(a) + "</h1>"
                    + "<section class=\"container\"></section>" + mostRead()));
            case REDIRECT_TO_HUB -> Responses.redirect(302, a.path());
            case CLAMP_TO_LAST -> Responses.html(listing(a, a.depth()));
            case WRAP_TO_FIRST -> Responses.html(listing(a, 1));
        };
    }

    // --- pages ---------------------------------------------------------------------------------------

    private String listing(Archive a, int page) {
        StringBuilder main = new StringBuilder("<h1>").append(title(a)).append("</h1><section class=\"container\">");
        for (int i = 1; i <= STORIES_PER_PAGE; i++) {
            String story = storyPath(a, page, i);
            main.append("<div class=\"card\"><h3><a href=\"").append(story).append("\">").append(headline(a, page, i))
                    .append("</a></h3><p>Story ").append(i).append(" of page ").append(page).append(".</p></div>");
        }
        main.append("</section>");
        String next = nextHref(a, page);
        if (next != null) {
            main.append(nextLink(a, next));
        }
        main.append(mostRead());
        return page(title(a) + (page > 1 ? " | page " + page : "") + " | Archive", main.toString());
    }

    private static String nextHref(Archive a, int page) {
        if (a.addressing() == Addressing.CURSOR && a.linksBackAt() > 0 && page == a.linksBackAt()) {
            return a.path() + "?before=" + storyId(a, 1, STORIES_PER_PAGE);
        }
        if (page >= a.depth()) {
            return null;
        }
        return switch (a.addressing()) {
            case QUERY -> a.path() + "?page=" + (page + 1);
            case PATH_PAGE -> a.path() + "/page/" + (page + 1);
            case PATH_NUMBER -> a.path() + "/" + (page + 1);
            case CURSOR -> a.path() + "?before=" + storyId(a, page, STORIES_PER_PAGE);
            case NONE -> null;
        };
    }

    private static String nextLink(Archive a, String href) {
        return switch (a.addressing()) {
            case QUERY -> "<nav class=\"pagination\"><a rel=\"next\" href=\"" + href + "\">Next page</a></nav>";
            case PATH_PAGE -> "<div class=\"pages\"><a href=\"" + href + "\">Older</a></div>";
            case PATH_NUMBER -> "<p><a rel=\"next\" href=\"" + href + "\">Older stories</a></p>";
            case CURSOR -> "<p><a href=\"" + href + "\">Older stories</a></p>";
            case NONE -> "";
        };
    }

    /** The same three stories in a sidebar on every page: must not make pages look alike. */
    private String mostRead() {
        Archive first = archives.values().iterator().next();
        StringBuilder sb = new StringBuilder("<aside class=\"most-read\"><h2>Most read</h2><ul>");
        for (int i = 1; i <= 3; i++) {
            sb.append("<li><a href=\"").append(storyPath(first, 1, i)).append("\">").append(headline(first, 1, i))
                    .append("</a></li>");
        }
        return sb.append("</ul></aside>").toString();
    }

    private Responses.Response story(String path) {
        String slug = path.substring(path.lastIndexOf('/') + 1);
        String headline = slug.replace('-', ' ');
        String head = "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"article:published_time\" content=\"2024-05-12T09:00:00Z\">"
                + "<meta property=\"article:section\" content=\"Archive\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"" + headline + "\",\"datePublished\":\"2024-05-12T09:00:00Z\"}</script>";
        StringBuilder body = new StringBuilder("<article><h1>").append(headline).append("</h1>");
        for (int i = 0; i < 4; i++) {
            body.append("<p>").append("This is the text of a generated story, long enough to read as an article body. ")
                    .append("It says nothing, at length, so that the page looks like a story to the analyzer.</p>");
        }
        return Responses.html(page(headline + " | Archive", head, body.append("</article>").toString()));
    }

    private static String page(String title, String main) {
        return page(title, "", main);
    }

    private static String page(String title, String head, String main) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head
                + "</head><body><header class=\"site-header\"><nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li>"
                + "<li><a href=\"/archive/query\">Archive</a></li></ul></nav></header><main id=\"main\">" + main
                + "</main><footer class=\"site-footer\"><a href=\"/about\">About</a></footer></body></html>";
    }

    private static String title(Archive a) {
        String name = a.path().substring(a.path().lastIndexOf('/') + 1);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " archive";
    }

    private static String storyPath(Archive a, int page, int i) {
        String hub = a.path().substring(a.path().lastIndexOf('/') + 1);
        int day = 1 + (page * STORIES_PER_PAGE + i) % 28;
        return "/stories/2024/05/" + String.format("%02d", day) + "/" + hub + "-story-" + page + "-" + i;
    }

    private static String headline(Archive a, int page, int i) {
        String hub = a.path().substring(a.path().lastIndexOf('/') + 1);
        return "Story " + i + " on page " + page + " of the " + hub + " archive";
    }

    /** A stable numeric id per story (cursor values). */
    private static int storyId(Archive a, int page, int i) {
        return 100_000 + Math.abs(a.path().hashCode() % 1000) * 10_000 + page * 100 + i;
    }
}
