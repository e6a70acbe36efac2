package io.crawlseq.crawler.testing.sites;

import io.crawlseq.crawler.hubs.HubKind;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a realistic {@link FixtureSite}: a header navigation, sections with sub-navigation and
 * paginated teaser cards, articles with JSON-LD, bylines and related links, author and tag pages,
 * live blogs, search and sign-in pages, footer service pages, robots.txt and sitemaps (index, gzip,
 * news). Deterministic for a seed. The URL scheme (article paths, pagination style, author and tag
 * paths) is the site's own; the ground truth is declared with each section.
 */
final class SiteBuilder {

    /** How a section's listing continues. */
    enum Paging { QUERY, PATH, OLDER, NONE }

    /** Where an article goes, given its section, date and slug. */
    interface ArticlePaths {
        String path(String sectionPath, LocalDate date, String slug, long id);
    }

    private static final String[] WORDS = {"election", "vote", "minister", "budget", "talks", "summit", "court",
            "ruling", "protest", "strike", "market", "shares", "growth", "inflation", "storm", "flood", "heatwave",
            "match", "final", "league", "coach", "study", "vaccine", "hospital", "school", "teachers", "border",
            "deal", "trade", "tariffs", "rail", "airport", "energy", "prices", "housing", "police", "inquiry",
            "report", "festival", "museum", "film", "album", "startup", "chip", "satellite", "launch", "reform"};
    private static final String[] NAMES = {"Jane Doe", "Amir Khan", "Li Wei", "Maria Silva", "Tom Becker",
            "Aisha Bello", "Kenji Sato", "Olga Novak"};

    private final String name;
    private final String brand;
    private final Random random;
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final List<String[]> topNav = new ArrayList<>();
    private final List<String[]> footer = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<FixtureSite.ExpectedHub> expected = new ArrayList<>();
    private final List<Article> articles = new ArrayList<>();
    private final Set<String> disallowed = new LinkedHashSet<>();
    private String startPath = "/";
    private ArticlePaths articlePaths;
    private String authorPrefix = "/profile/";
    private String livePrefix = "/live";
    private String tagPath;
    private String tagTitle = "France election";
    private boolean searchDisallowed = true;
    private final List<String[]> bodyOnlyHubLinks = new ArrayList<>();
    private final Map<String, String> redirects = new LinkedHashMap<>();
    private String crawlDelay = "2";
    private boolean softNotFound;
    private final Map<String, String> missingRedirects = new LinkedHashMap<>();
    private int rateLimitEvery;
    private int retryAfterSeconds;

    SiteBuilder(String name, String brand, long seed) {
        this.name = name;
        this.brand = brand;
        this.random = new Random(seed);
    }

    /** A listing page: a section front, a place hub or a topic hub. */
    final class Section {
        final String path;
        final String heading;
        final List<String[]> subnav = new ArrayList<>();
        Paging paging = Paging.QUERY;
        int pageCount = 3;
        int cardsPerPage = 12;
        String placeSlug;
        boolean collectionMarkup;
        boolean hidden;

        Section(String path, String heading) {
            this.path = path;
            this.heading = heading;
        }

        Section subnav(String path, String text) {
            subnav.add(new String[] {path, text});
            return this;
        }

        Section paging(Paging value, int pages) {
            this.paging = value;
            this.pageCount = pages;
            return this;
        }

        /** Article slugs of this section start with this place slug ("france-election-..."): hard negatives. */
        Section placeSlug(String slug) {
            this.placeSlug = slug;
            return this;
        }

        /** Fewer teasers per page (a thin hub). */
        Section cards(int perPage) {
            this.cardsPerPage = perPage;
            return this;
        }

        Section collection() {
            this.collectionMarkup = true;
            return this;
        }

        /** Linked from nowhere (not the home page, no navigation, no sitemap): only a guess finds it. */
        Section hidden() {
            this.hidden = true;
            return this;
        }

        /** A region or city hub, with the gazetteer entry its slug must resolve to. */
        Section expectPlace(HubKind kind, String iso2, String placeId) {
            expected.add(new FixtureSite.ExpectedHub(path, kind, iso2, null, placeId));
            return this;
        }

        /** A place and a topic together ({@code /uk/politics}); iso2 null for places above countries. */
        Section expectPlaceTopic(String topic, String iso2, String placeId) {
            expected.add(new FixtureSite.ExpectedHub(path, HubKind.PLACE_TOPIC, iso2, topic, placeId));
            return this;
        }

        Section expect(HubKind kind, String iso2OrTopic) {
            expected.add(new FixtureSite.ExpectedHub(path, kind, kind == HubKind.TOPIC ? null : iso2OrTopic,
                    kind == HubKind.TOPIC ? iso2OrTopic : null));
            return this;
        }
    }

    record Article(String path, String headline, Section section, String author, LocalDate date, boolean live) {
    }

    SiteBuilder startPath(String value) {
        this.startPath = value;
        return this;
    }

    SiteBuilder articles(ArticlePaths value) {
        this.articlePaths = value;
        return this;
    }

    SiteBuilder authors(String prefix) {
        this.authorPrefix = prefix;
        return this;
    }

    SiteBuilder live(String prefix) {
        this.livePrefix = prefix;
        return this;
    }

    /** The site's tag page for "France election" (a hard negative: a country name in a tag). */
    SiteBuilder tag(String path, String title) {
        this.tagPath = path;
        this.tagTitle = title;
        return this;
    }

    SiteBuilder searchAllowed() {
        this.searchDisallowed = false;
        return this;
    }

    SiteBuilder nav(String path, String text) {
        topNav.add(new String[] {path, text});
        return this;
    }

    SiteBuilder footerLink(String path, String text) {
        footer.add(new String[] {path, text});
        return this;
    }

    /** A hub linked only from the "more on this story" box in article bodies. */
    SiteBuilder linkFromArticleBodies(String path, String text) {
        bodyOnlyHubLinks.add(new String[] {path, text});
        return this;
    }

    /** A permanent redirect ({@code /uk} to {@code /uk-news}). */
    SiteBuilder redirect(String from, String to) {
        redirects.put(from, to);
        return this;
    }

    /**
     * Unknown paths answer 200 with the same "latest news" page (a soft 404 that never says so:
     * its title, heading and stories are those of no place).
     */
    SiteBuilder softNotFound() {
        this.softNotFound = true;
        return this;
    }

    /** Unknown paths under {@code prefix} redirect (302) to {@code target} (a section front). */
    SiteBuilder redirectMissing(String prefix, String target) {
        missingRedirects.put(prefix, target);
        return this;
    }

    /** Every {@code every}-th page request is answered 429 with a Retry-After, once per URL. */
    SiteBuilder rateLimit(int every, int retryAfterSeconds) {
        this.rateLimitEvery = every;
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /** A page that is not a listing (a weather forecast, a game). */
    SiteBuilder plainPage(String path, String title) {
        pages.put(path, page(title + " | " + brand, "", "", "<h1>" + esc(title) + "</h1><p>" + esc(summary())
                + "</p><table><tr><td>Mon</td><td>12°</td></tr><tr><td>Tue</td><td>14°</td></tr></table>"));
        return this;
    }

    Section section(String path, String heading) {
        Section s = new Section(path, heading);
        sections.add(s);
        return s;
    }

    // --- build ---------------------------------------------------------------------------------------

    FixtureSite build() {
        for (Section s : sections) {
            int count = 12 * Math.max(1, s.pageCount) + 2;
            for (int i = 0; i < count; i++) {
                articles.add(newArticle(s, false));
            }
            articles.add(newArticle(s, true));
        }
        for (Section s : sections) {
            writeSection(s);
        }
        for (Article a : articles) {
            pages.put(a.path, a.live ? liveBlog(a) : article(a));
        }
        writeAuthors();
        writeTag();
        writeHome();
        writeServicePages();
        Set<String> hidden = new LinkedHashSet<>();
        sections.stream().filter(sec -> sec.hidden).forEach(sec -> hidden.add(sec.path));
        FixtureSite.Behaviour behaviour = new FixtureSite.Behaviour(hidden, softNotFound ? latestNewsPage() : null,
                missingRedirects, rateLimitEvery, retryAfterSeconds);
        return new FixtureSite(name, startPath, pages, redirects, robots(), xmlSitemaps(), gzipSitemaps(), expected,
                disallowed, behaviour);
    }

    private Article newArticle(Section s, boolean live) {
        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(330));
        StringBuilder slug = new StringBuilder(s.placeSlug != null ? s.placeSlug : "");
        int words = 3 + random.nextInt(3);
        for (int i = 0; i < words; i++) {
            slug.append(slug.length() == 0 ? "" : "-").append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (live) {
            slug.append("-live");
        }
        long id = 60_000_000L + articles.size() * 7L + random.nextInt(7);
        String path = live ? livePath(s, date, slug.toString(), id) : articlePaths.path(s.path, date, slug.toString(), id);
        String headline = capitalise(slug.toString().replace('-', ' ')) + (live ? ": latest updates" : "");
        return new Article(path, headline, s, NAMES[random.nextInt(NAMES.length)], date, live);
    }

    private String livePath(Section s, LocalDate date, String slug, long id) {
        return livePrefix + articlePaths.path(s.path, date, slug, id);
    }

    private List<Article> articlesOf(Section s) {
        return articles.stream().filter(a -> a.section == s && !a.live).toList();
    }

    /** Shown outside its own section (author, tag and search pages, sitemaps): not for hidden sections. */
    private boolean listedElsewhere(Article a) {
        return !a.live && !a.section.hidden;
    }

    private Article liveOf(Section s) {
        return articles.stream().filter(a -> a.section == s && a.live).findFirst().orElseThrow();
    }

    // --- page parts ----------------------------------------------------------------------------------

    private String page(String title, String head, String subnav, String main) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>").append(head).append("</head><body>");
        sb.append("<header class=\"site-header\"><a class=\"logo\" href=\"").append(startPath).append("\">")
                .append(esc(brand)).append("</a><nav class=\"main-nav\" aria-label=\"Sections\"><ul>");
        for (String[] item : topNav) {
            sb.append("<li><a href=\"").append(item[0]).append("\">").append(esc(item[1])).append("</a></li>");
        }
        sb.append("</ul></nav></header>");
        sb.append(subnav);
        sb.append("<main id=\"main\">").append(main).append("</main>");
        sb.append("<footer class=\"site-footer\"><ul>");
        for (String[] item : footer) {
            sb.append("<li><a href=\"").append(item[0]).append("\">").append(esc(item[1])).append("</a></li>");
        }
        sb.append("</ul><p>© ").append(esc(brand)).append("</p></footer></body></html>");
        return sb.toString();
    }

    private String card(Article a) {
        return "<div class=\"card\"><h3><a href=\"" + a.path + "\">" + esc(a.headline) + "</a></h3><p>"
                + esc(summary()) + "</p><time datetime=\"" + a.date + "\">" + a.date + "</time></div>";
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return capitalise(sb.toString()) + ".";
    }

    private void writeSection(Section s) {
        List<Article> own = articlesOf(s);
        String subnav = "";
        if (!s.subnav.isEmpty()) {
            StringBuilder sb = new StringBuilder("<nav class=\"subnav\" aria-label=\"" + esc(s.heading) + "\"><ul>");
            for (String[] item : s.subnav) {
                sb.append("<li><a href=\"").append(item[0]).append("\">").append(esc(item[1])).append("</a></li>");
            }
            subnav = sb.append("</ul></nav>").toString();
        }
        int pagesToWrite = s.paging == Paging.NONE ? 1 : s.pageCount;
        for (int p = 1; p <= pagesToWrite; p++) {
            StringBuilder main = new StringBuilder("<h1>").append(esc(s.heading)).append("</h1>");
            if (p == 1) {
                Article live = liveOf(s);
                main.append("<div class=\"card live\"><h2><a href=\"").append(live.path).append("\">")
                        .append(esc(live.headline)).append("</a></h2></div>");
            }
            main.append("<section class=\"container\">");
            for (int i = (p - 1) * s.cardsPerPage; i < Math.min(own.size(), p * s.cardsPerPage); i++) {
                main.append(card(own.get(i)));
            }
            main.append("</section>");
            if (p < pagesToWrite) {
                main.append(nextLink(s, p + 1));
            }
            String head = "<link rel=\"canonical\" href=\"{{BASE}}" + pagePath(s, p) + "\">"
                    + "<meta property=\"og:type\" content=\"website\">"
                    + (s.collectionMarkup ? "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                    + "\"@type\":\"CollectionPage\",\"name\":\"" + esc(s.heading) + "\"}</script>" : "");
            String title = s.heading + (p > 1 ? " | page " + p : "") + " | " + brand;
            pages.put(pagePath(s, p), page(title, head, subnav, main.toString()));
        }
    }

    private String pagePath(Section s, int page) {
        if (page == 1) {
            return s.path;
        }
        return switch (s.paging) {
            case QUERY, OLDER -> s.path + "?page=" + page;
            case PATH -> s.path + "/page/" + page;
            case NONE -> s.path;
        };
    }

    private String nextLink(Section s, int page) {
        String href = pagePath(s, page);
        return switch (s.paging) {
            case QUERY -> "<nav class=\"pagination\"><a rel=\"next\" href=\"" + href + "\">Next page</a></nav>";
            case PATH -> "<div class=\"pages\"><a href=\"" + href + "\">" + page + "</a> <a href=\"" + href + "\">Older</a></div>";
            case OLDER -> "<p><a href=\"" + href + "\">Older stories</a></p>";
            case NONE -> "";
        };
    }

    private String article(Article a) {
        String authorUrl = authorPrefix + slug(a.author);
        String head = "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"article:published_time\" content=\"" + a.date + "T09:00:00Z\">"
                + "<meta property=\"article:section\" content=\"" + esc(a.section.heading) + "\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\","
                + "\"headline\":\"" + esc(a.headline) + "\",\"datePublished\":\"" + a.date + "T09:00:00Z\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"" + a.author + "\"}]},{\"@type\":\"BreadcrumbList\","
                + "\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"" + esc(a.section.heading)
                + "\",\"item\":\"{{BASE}}" + a.section.path + "\"}]}]}</script>";
        StringBuilder main = new StringBuilder();
        main.append("<nav class=\"breadcrumbs\"><a href=\"").append(a.section.path).append("\">")
                .append(esc(a.section.heading)).append("</a></nav>");
        main.append("<article><header><h1>").append(esc(a.headline)).append("</h1><p class=\"byline\">By <a rel=\"author\" href=\"")
                .append(authorUrl).append("\">").append(a.author).append("</a></p><time datetime=\"").append(a.date)
                .append("T09:00:00Z\">").append(a.date).append("</time></header>");
        for (int i = 0; i < 6; i++) {
            main.append("<p>").append(esc(summary())).append(' ').append(esc(summary())).append(' ')
                    .append(esc(summary())).append("</p>");
        }
        main.append("<div class=\"more-on-this\"><p>More on this story: ");
        if (tagPath != null) {
            main.append("<a href=\"").append(tagPath).append("\">").append(esc(tagTitle)).append("</a> ");
        }
        for (String[] hub : bodyOnlyHubLinks) {
            main.append("<a href=\"").append(hub[0]).append("\">").append(esc(hub[1])).append("</a> ");
        }
        main.append("</p></div></article>");
        main.append("<aside class=\"related\"><h2>Related</h2><ul>");
        List<Article> siblings = articlesOf(a.section);
        for (int i = 0; i < 3; i++) {
            Article r = siblings.get(random.nextInt(siblings.size()));
            main.append("<li><a href=\"").append(r.path).append("\">").append(esc(r.headline)).append("</a></li>");
        }
        main.append("</ul></aside>");
        return page(a.headline + " | " + brand, head, "", main.toString());
    }

    private String liveBlog(Article a) {
        String head = "<meta property=\"og:type\" content=\"article\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\","
                + "\"headline\":\"" + esc(a.headline) + "\",\"coverageStartTime\":\"" + a.date + "T06:00:00Z\"}</script>";
        StringBuilder main = new StringBuilder("<article><h1>").append(esc(a.headline)).append("</h1><time datetime=\"")
                .append(a.date).append("\">").append(a.date).append("</time>");
        List<Article> siblings = articlesOf(a.section);
        for (int i = 0; i < 10; i++) {
            Article r = siblings.get(i % siblings.size());
            main.append("<div class=\"card update\"><h3><a href=\"").append(r.path).append("\">")
                    .append(esc(r.headline)).append("</a></h3><time datetime=\"").append(a.date).append("T").append(10 + i)
                    .append(":00:00Z\"></time><p>").append(esc(summary())).append("</p></div>");
        }
        main.append("</article>");
        return page(a.headline + " | " + brand, head, "", main.toString());
    }

    private void writeAuthors() {
        for (String author : NAMES) {
            String path = authorPrefix + slug(author);
            List<Article> theirs = articles.stream().filter(a -> a.author.equals(author) && listedElsewhere(a)).limit(12).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            StringBuilder main = new StringBuilder("<h1>").append(author).append("</h1><p class=\"bio\">")
                    .append(author).append(" is a reporter.</p><section class=\"container\">");
            theirs.forEach(a -> main.append(card(a)));
            main.append("</section><nav class=\"pagination\"><a rel=\"next\" href=\"").append(path)
                    .append("?page=2\">Next page</a></nav>");
            String head = "<meta property=\"og:type\" content=\"profile\"><script type=\"application/ld+json\">"
                    + "{\"@context\":\"https://schema.org\",\"@type\":\"ProfilePage\",\"mainEntity\":{\"@type\":\"Person\","
                    + "\"name\":\"" + author + "\"}}</script>";
            pages.put(path, page(author + " | " + brand, head, "", main.toString()));
            expected.add(new FixtureSite.ExpectedHub(path, HubKind.AUTHOR, null, null));
        }
    }

    private void writeTag() {
        if (tagPath == null) {
            return;
        }
        StringBuilder main = new StringBuilder("<h1>").append(esc(tagTitle)).append("</h1><section class=\"container\">");
        articles.stream().filter(this::listedElsewhere).limit(12).forEach(a -> main.append(card(a)));
        main.append("</section><nav class=\"pagination\"><a rel=\"next\" href=\"").append(tagPath)
                .append("?page=2\">Next page</a></nav>");
        pages.put(tagPath, page(tagTitle + " | " + brand, "", "", main.toString()));
        expected.add(new FixtureSite.ExpectedHub(tagPath, HubKind.TAG, null, null));
    }

    /** The soft 404: a generic listing of the newest stories, the same whatever was asked for. */
    private String latestNewsPage() {
        StringBuilder main = new StringBuilder("<h1>Latest news</h1><section class=\"container\">");
        articles.stream().filter(this::listedElsewhere).limit(8).forEach(a -> main.append(card(a)));
        return page("Latest news | " + brand, "", "", main.append("</section>").toString());
    }

    private void writeHome() {
        StringBuilder main = new StringBuilder("<h1 class=\"visually-hidden\">").append(esc(brand)).append("</h1>");
        for (Section s : sections) {
            if (s.hidden) {
                continue;
            }
            List<Article> own = articlesOf(s);
            main.append("<section class=\"container\"><h2><a href=\"").append(s.path).append("\">").append(esc(s.heading))
                    .append("</a></h2>");
            for (int i = 0; i < Math.min(3, own.size()); i++) {
                main.append(card(own.get(i)));
            }
            main.append("</section>");
        }
        pages.put(startPath, page(brand + " - news", "<meta property=\"og:type\" content=\"website\">", "",
                main.toString()));
        if (!startPath.equals("/")) {
            pages.put("/", page(brand, "", "", "<p><a href=\"" + startPath + "\">News</a></p>"));
        }
    }

    private void writeServicePages() {
        for (String[] f : footer) {
            if (f[0].startsWith("/private/")) {
                disallowed.add("/private/");
            }
            if (!pages.containsKey(f[0]) && !f[0].equals("/crosswords")) {
                pages.put(f[0], page(f[1] + " | " + brand, "", "", "<h1>" + esc(f[1]) + "</h1><p>"
                        + esc(summary()) + "</p><p>Contact us at the address below.</p>"));
            }
        }
        // A listing linked only from the footer: teaser cards, but not a section the site presents.
        StringBuilder crosswords = new StringBuilder("<h1>Crosswords</h1><section class=\"container\">");
        for (int i = 0; i < 12; i++) {
            crosswords.append("<div class=\"card\"><h3><a href=\"/crosswords/quick/").append(16_700 + i)
                    .append("\">Quick crossword No ").append(16_700 + i).append("</a></h3></div>");
        }
        pages.put("/crosswords", page("Crosswords | " + brand, "", "", crosswords.append("</section>").toString()));
        StringBuilder search = new StringBuilder("<h1>Search</h1><form action=\"/search\" role=\"search\">"
                + "<input type=\"search\" name=\"q\"><button>Search</button></form><section class=\"container\">");
        articles.stream().filter(this::listedElsewhere).limit(10).forEach(a -> search.append(card(a)));
        pages.put("/search", page("Search | " + brand, "", "", search.append("</section>").toString()));
        pages.put("/signin", page("Sign in | " + brand, "", "", "<h1>Sign in</h1><form method=\"post\" action=\"/signin\">"
                + "<input type=\"email\" name=\"email\"><input type=\"password\" name=\"password\"><button>Sign in</button></form>"));
        pages.put("/newsletters", page("Newsletters | " + brand, "", "", "<h1>Newsletters</h1><form>"
                + "<input type=\"email\" name=\"email\"><button>Sign up</button></form><p>" + esc(summary()) + "</p>"));
        if (searchDisallowed) {
            disallowed.add("/search");
        }
    }

    private String robots() {
        StringBuilder sb = new StringBuilder("User-agent: *\n");
        for (String prefix : disallowed) {
            sb.append("Disallow: ").append(prefix).append('\n');
        }
        sb.append("Crawl-delay: ").append(crawlDelay).append("\n\nUser-agent: GPTBot\nDisallow: /\n\n");
        sb.append("Sitemap: {{BASE}}/sitemaps/index.xml\n");
        return sb.toString();
    }

    private Map<String, String> xmlSitemaps() {
        Map<String, String> maps = new LinkedHashMap<>();
        maps.put("/sitemaps/index.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>{{BASE}}/sitemaps/sections.xml.gz</loc></sitemap>"
                + "<sitemap><loc>{{BASE}}/sitemaps/news.xml</loc></sitemap>"
                + "<sitemap><loc>{{BASE}}/sitemaps/articles.xml</loc></sitemap></sitemapindex>");
        StringBuilder news = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        articles.stream().filter(this::listedElsewhere).sorted((x, y) -> y.date.compareTo(x.date)).limit(20).forEach(a ->
                news.append("<url><loc>{{BASE}}").append(a.path).append("</loc><news:news><news:publication><news:name>")
                        .append(esc(brand)).append("</news:name><news:language>en</news:language></news:publication>")
                        .append("<news:publication_date>").append(a.date).append("T09:00:00Z</news:publication_date><news:title>")
                        .append(esc(a.headline)).append("</news:title></news:news></url>"));
        maps.put("/sitemaps/news.xml", news.append("</urlset>").toString());
        StringBuilder all = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        articles.stream().filter(a -> !a.section.hidden).forEach(a -> all.append("<url><loc>{{BASE}}").append(a.path).append("</loc><lastmod>").append(a.date)
                .append("</lastmod></url>"));
        maps.put("/sitemaps/articles.xml", all.append("</urlset>").toString());
        return maps;
    }

    private Map<String, String> gzipSitemaps() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (Section s : sections) {
            if (s.hidden) {
                continue;
            }
            sb.append("<url><loc>{{BASE}}").append(s.path).append("</loc><changefreq>hourly</changefreq></url>");
        }
        return Map.of("/sitemaps/sections.xml.gz", sb.append("</urlset>").toString());
    }

    // --- helpers -------------------------------------------------------------------------------------

    static String monthAbbrev(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
