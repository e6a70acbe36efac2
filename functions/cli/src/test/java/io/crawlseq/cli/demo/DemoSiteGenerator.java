package io.crawlseq.cli.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the demo news site, "The Loopback Ledger", that {@code crawl-sequence demo} serves: a home
 * page with header navigation, a world section with sub-navigation, six country hubs
 * ({@code /world/france}, {@code /uk-news}, {@code /us-news}, ...), two regional pages, four topic
 * sections with a second page, dated stories with JSON-LD, bylines and tags, author and tag pages,
 * service pages in the footer, robots.txt (search and sign-in disallowed) and a sitemap index with
 * a news sitemap. Deterministic: the committed files are what {@link #files()} returns
 * ({@code DemoSiteTest} checks it). Absolute URLs are written as {@code {{BASE}}}, which the demo
 * server replaces with its own address.
 */
public final class DemoSiteGenerator {

    static final String BRAND = "The Loopback Ledger";

    /** A listing page and what it is (the ground truth the demo's hub detection is checked against). */
    record Hub(String path, String heading, String kind, String code) {
    }

    static final List<Hub> COUNTRIES = List.of(
            new Hub("/world/france", "France", "country", "FR"),
            new Hub("/world/germany", "Germany", "country", "DE"),
            new Hub("/world/japan", "Japan", "country", "JP"),
            new Hub("/world/brazil", "Brazil", "country", "BR"),
            new Hub("/uk-news", "UK news", "country", "GB"),
            new Hub("/us-news", "US news", "country", "US"));
    static final List<Hub> PLACES = List.of(
            new Hub("/world/europe", "Europe", "place", null),
            new Hub("/world/asia", "Asia", "place", null));
    static final List<Hub> TOPICS = List.of(
            new Hub("/world", "World news", "topic", "world"),
            new Hub("/politics", "Politics", "topic", "politics"),
            new Hub("/business", "Business", "topic", "business"),
            new Hub("/technology", "Technology", "topic", "technology"),
            new Hub("/sport", "Sport", "topic", "sport"));

    private static final String[] WORDS = {"election", "budget", "talks", "summit", "court", "ruling", "strike",
            "market", "growth", "inflation", "storm", "flood", "final", "league", "study", "hospital", "border", "deal",
            "trade", "rail", "energy", "prices", "housing", "festival", "museum", "startup", "chip", "satellite",
            "launch", "reform", "vote", "minister"};
    private static final String[] AUTHORS = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson"};
    private static final String[] TAGS = {"elections", "climate"};
    private static final int CARDS_PER_PAGE = 12;

    private record Story(String path, String headline, Hub hub, String author, String tag, LocalDate date) {
    }

    private final Random random = new Random(2025);
    private final List<Story> stories = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String[]> index = new ArrayList<>();

    /** Resource name (relative to the site directory) → content, and {@code index.tsv} listing what is served where. */
    public static Map<String, String> files() {
        return new DemoSiteGenerator().build();
    }

    private Map<String, String> build() {
        for (Hub h : COUNTRIES) {
            addStories(h, 4, slug(h.heading()));
        }
        for (Hub h : TOPICS.subList(1, TOPICS.size())) {
            addStories(h, 5, "");
        }
        home();
        for (Hub h : COUNTRIES) {
            listing(h, storiesOf(h, COUNTRIES), 1, 1, subnavFor(h));
        }
        listing(PLACES.get(0), storiesOf(null, COUNTRIES.subList(0, 2)), 1, 1, "");
        listing(PLACES.get(1), storiesOf(null, COUNTRIES.subList(2, 3)), 1, 1, "");
        List<Story> world = storiesOf(null, COUNTRIES.subList(0, 4));
        listing(TOPICS.get(0), world, 1, 2, worldSubnav());
        listing(TOPICS.get(0), world, 2, 2, worldSubnav());
        for (Hub h : TOPICS.subList(1, TOPICS.size())) {
            List<Story> own = storiesOf(h, TOPICS);
            listing(h, own, 1, 2, "");
            listing(h, own, 2, 2, "");
        }
        for (Story s : stories) {
            page(s.path(), article(s));
        }
        authors();
        tags();
        service("/about", "About us", "The Loopback Ledger is a demonstration site served by crawl-sequence on your own machine.");
        service("/contact", "Contact", "Write to the newsroom at newsroom@ledger.invalid.");
        service("/privacy", "Privacy policy", "This site sets no cookies and keeps no logs.");
        service("/search", "Search", "<form action=\"/search\"><input name=\"q\" type=\"search\"><button>Search</button></form>");
        service("/signin", "Sign in", "<form method=\"post\"><input name=\"user\"><input name=\"password\" type=\"password\"></form>");
        robotsAndSitemaps();
        StringBuilder tsv = new StringBuilder("# path\tresource\tcontent type (generated by DemoSiteGenerator)\n");
        index.forEach(r -> tsv.append(String.join("\t", r)).append('\n'));
        files.put("index.tsv", tsv.toString());
        return files;
    }

    // --- content ------------------------------------------------------------------------------

    private void addStories(Hub hub, int count, String placeSlug) {
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.of(2025, 1, 6).plusDays(random.nextInt(300));
            StringBuilder slug = new StringBuilder(placeSlug);
            for (int w = 0; w < 3 + random.nextInt(2); w++) {
                slug.append(slug.length() == 0 ? "" : "-").append(WORDS[random.nextInt(WORDS.length)]);
            }
            String section = hub.path().startsWith("/world/") ? "/world" : hub.path();
            String path = section + "/" + date.getYear() + "/" + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT) + "/" + String.format("%02d", date.getDayOfMonth()) + "/" + slug;
            String headline = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
            stories.add(new Story(path, headline, hub, AUTHORS[random.nextInt(AUTHORS.length)],
                    i % 2 == 0 ? TAGS[random.nextInt(TAGS.length)] : null, date));
        }
    }

    /** The hub's own stories first, then the others of its group, newest first within each. */
    private List<Story> storiesOf(Hub hub, List<Hub> group) {
        List<Story> own = new ArrayList<>(stories.stream().filter(s -> s.hub() == hub).toList());
        List<Story> rest = new ArrayList<>(stories.stream().filter(s -> s.hub() != hub && group.contains(s.hub())).toList());
        own.sort((a, b) -> b.date().compareTo(a.date()));
        rest.sort((a, b) -> b.date().compareTo(a.date()));
        own.addAll(rest);
        return own;
    }

    private void home() {
        StringBuilder main = new StringBuilder("<h1>Today's news</h1><section class=\"container\">");
        List<Story> newest = new ArrayList<>(stories);
        newest.sort((a, b) -> b.date().compareTo(a.date()));
        newest.stream().limit(16).forEach(s -> main.append(card(s)));
        main.append("</section>");
        page("/", document(BRAND + " | Home", "<meta property=\"og:type\" content=\"website\">", "", main.toString()));
    }

    private String worldSubnav() {
        StringBuilder sb = new StringBuilder("<nav class=\"subnav\" aria-label=\"World\"><ul>");
        for (Hub h : List.of(PLACES.get(0), PLACES.get(1), COUNTRIES.get(0), COUNTRIES.get(1), COUNTRIES.get(2),
                COUNTRIES.get(3))) {
            sb.append("<li><a href=\"").append(h.path()).append("\">").append(h.heading()).append("</a></li>");
        }
        return sb.append("</ul></nav>").toString();
    }

    private String subnavFor(Hub h) {
        return h.path().startsWith("/world/") ? worldSubnav() : "";
    }

    private void listing(Hub hub, List<Story> listed, int pageNo, int pages, String subnav) {
        StringBuilder main = new StringBuilder("<h1>").append(hub.heading()).append("</h1><section class=\"container\">");
        int from = (pageNo - 1) * CARDS_PER_PAGE;
        for (int i = from; i < Math.min(listed.size(), from + CARDS_PER_PAGE); i++) {
            main.append(card(listed.get(i)));
        }
        main.append("</section>");
        if (pageNo < pages) {
            main.append("<nav class=\"pagination\"><a rel=\"next\" href=\"").append(hub.path()).append("?page=")
                    .append(pageNo + 1).append("\">Next page</a></nav>");
        }
        String path = pageNo == 1 ? hub.path() : hub.path() + "?page=" + pageNo;
        String head = "<link rel=\"canonical\" href=\"{{BASE}}" + path + "\"><meta property=\"og:type\" content=\"website\">";
        page(path, document(hub.heading() + (pageNo > 1 ? " | page " + pageNo : "") + " | " + BRAND, head, subnav,
                main.toString()));
    }

    private String card(Story s) {
        return "<div class=\"card\"><h3><a href=\"" + s.path() + "\">" + s.headline() + "</a></h3><p>" + sentence()
                + "</p><time datetime=\"" + s.date() + "\">" + s.date() + "</time></div>";
    }

    private String article(Story s) {
        String head = "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"article:published_time\" content=\"" + s.date() + "T08:00:00Z\">"
                + "<meta property=\"article:section\" content=\"" + s.hub().heading() + "\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"" + s.headline() + "\",\"datePublished\":\"" + s.date() + "T08:00:00Z\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"" + s.author() + "\"}]}</script>";
        StringBuilder main = new StringBuilder("<nav class=\"breadcrumbs\"><a href=\"").append(s.hub().path()).append("\">")
                .append(s.hub().heading()).append("</a></nav><article><header><h1>").append(s.headline())
                .append("</h1><p class=\"byline\">By <a rel=\"author\" href=\"/profile/").append(slug(s.author()))
                .append("\">").append(s.author()).append("</a></p><time datetime=\"").append(s.date())
                .append("T08:00:00Z\">").append(s.date()).append("</time></header>");
        for (int i = 0; i < 4; i++) {
            main.append("<p>").append(sentence()).append(' ').append(sentence()).append("</p>");
        }
        if (s.tag() != null) {
            main.append("<p class=\"tags\">More on <a href=\"/tag/").append(s.tag()).append("\">").append(s.tag())
                    .append("</a></p>");
        }
        main.append("</article>");
        return document(s.headline() + " | " + BRAND, head, "", main.toString());
    }

    private void authors() {
        for (String author : AUTHORS) {
            StringBuilder main = new StringBuilder("<h1>").append(author).append("</h1><p>Reporter at ").append(BRAND)
                    .append(".</p><section class=\"container\">");
            stories.stream().filter(s -> s.author().equals(author)).limit(10).forEach(s -> main.append(card(s)));
            page("/profile/" + slug(author), document(author + " | " + BRAND, "<meta property=\"og:type\" content=\"profile\">",
                    "", main.append("</section>").toString()));
        }
    }

    private void tags() {
        for (String tag : TAGS) {
            StringBuilder main = new StringBuilder("<h1>").append(tag).append("</h1><section class=\"container\">");
            stories.stream().filter(s -> tag.equals(s.tag())).forEach(s -> main.append(card(s)));
            page("/tag/" + tag, document(tag + " | " + BRAND, "", "", main.append("</section>").toString()));
        }
    }

    private void service(String path, String title, String body) {
        page(path, document(title + " | " + BRAND, "", "", "<h1>" + title + "</h1><p>" + body + "</p>"));
    }

    private void robotsAndSitemaps() {
        file("/robots.txt", "robots.txt", "text/plain; charset=utf-8", "# The Loopback Ledger: a demo site for crawl-sequence\n"
                + "User-agent: *\nDisallow: /search\nDisallow: /signin\n\nSitemap: {{BASE}}/sitemap.xml\n");
        file("/sitemap.xml", "sitemap.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "  <sitemap><loc>{{BASE}}/sitemaps/news.xml</loc></sitemap>\n"
                + "  <sitemap><loc>{{BASE}}/sitemaps/sections.xml</loc></sitemap>\n"
                + "  <sitemap><loc>{{BASE}}/sitemaps/stories.xml</loc></sitemap>\n</sitemapindex>\n");
        StringBuilder sections = urlset("");
        List<Hub> hubs = new ArrayList<>(TOPICS);
        hubs.addAll(PLACES);
        hubs.addAll(COUNTRIES);
        hubs.forEach(h -> sections.append("  <url><loc>{{BASE}}").append(h.path()).append("</loc></url>\n"));
        file("/sitemaps/sections.xml", "sitemaps/sections.xml", "application/xml", sections.append("</urlset>\n").toString());
        StringBuilder all = urlset("");
        stories.forEach(s -> all.append("  <url><loc>{{BASE}}").append(s.path()).append("</loc><lastmod>").append(s.date())
                .append("</lastmod></url>\n"));
        file("/sitemaps/stories.xml", "sitemaps/stories.xml", "application/xml", all.append("</urlset>\n").toString());
        List<Story> newest = new ArrayList<>(stories);
        newest.sort((a, b) -> b.date().compareTo(a.date()));
        StringBuilder news = urlset(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"");
        newest.stream().limit(10).forEach(s -> news.append("  <url><loc>{{BASE}}").append(s.path())
                .append("</loc><news:news><news:publication><news:name>").append(BRAND)
                .append("</news:name><news:language>en</news:language></news:publication><news:publication_date>")
                .append(s.date()).append("T08:00:00Z</news:publication_date><news:title>").append(s.headline())
                .append("</news:title></news:news></url>\n"));
        file("/sitemaps/news.xml", "sitemaps/news.xml", "application/xml", news.append("</urlset>\n").toString());
    }

    private static StringBuilder urlset(String extraNamespace) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + extraNamespace + ">\n");
    }

    // --- page frame ---------------------------------------------------------------------------

    private String document(String title, String head, String subnav, String main) {
        StringBuilder sb = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title>").append(head)
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:auto}nav li{display:inline;margin-right:1em}"
                        + ".card{border-bottom:1px solid #ddd}</style></head>\n<body><header class=\"site-header\">"
                        + "<a class=\"logo\" href=\"/\">").append(BRAND).append("</a><nav class=\"main-nav\" aria-label=\"Sections\"><ul>");
        String[][] nav = {{"/", "Home"}, {"/world", "World"}, {"/uk-news", "UK"}, {"/us-news", "US"}, {"/politics", "Politics"},
                {"/business", "Business"}, {"/technology", "Technology"}, {"/sport", "Sport"}, {"/search", "Search"},
                {"/signin", "Sign in"}};
        for (String[] n : nav) {
            sb.append("<li><a href=\"").append(n[0]).append("\">").append(n[1]).append("</a></li>");
        }
        sb.append("</ul></nav></header>\n").append(subnav).append("<main id=\"main\">").append(main).append("</main>\n")
                .append("<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li>"
                        + "<li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy policy</a></li></ul>"
                        + "<p>© ").append(BRAND).append(" — served by crawl-sequence demo</p></footer></body></html>\n");
        return sb.toString();
    }

    private void page(String path, String html) {
        String name = "pages" + (path.equals("/") ? "/index" : path.replace("?", "__").replace('=', '-')) + ".html";
        file(path, name, "text/html; charset=utf-8", html);
    }

    private void file(String path, String name, String type, String content) {
        files.put(name, content);
        index.add(new String[] {path, name, type});
    }

    private String sentence() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1) + ".";
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
