package io.crawlseq.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PageAnalyzerTest {

    private final PageAnalyzer analyzer = new PageAnalyzer();
    private static final String BASE = "https://news.example";

    private static String cards(int n, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("<div class=\"card\"><h3><a href=\"").append(prefix).append(i)
                    .append("\">Headline number ").append(i).append(" about something</a></h3><p>Summary</p></div>");
        }
        return sb.toString();
    }

    private Map<String, LinkLocation> locations(PageAnalysis page) {
        return page.links().stream().collect(Collectors.toMap(l -> l.url().substring(BASE.length()), Link::location, (a, b) -> a));
    }

    @Test
    void links_takeTheirLocationFromTheNearestLandmark() {
        String html = """
                <html><body>
                <header class="site-header"><a href="/">Home</a><nav><a href="/world">World</a></nav></header>
                <div class="menu"><a href="/sport">Sport</a></div>
                <nav aria-label="Breadcrumb"><a href="/world/europe">Europe</a></nav>
                <main>
                  <section><article class="card"><h3><a href="/2024/05/12/story-one">Story one</a></h3></article></section>
                  <p>Read <a href="/inline">inline</a></p>
                  <aside class="most-read"><a href="/popular">Popular</a></aside>
                </main>
                <footer><nav><a href="/about">About</a></nav></footer>
                <div><a href="/loose">Loose</a></div>
                </body></html>""";

        PageAnalysis page = analyzer.analyze(BASE + "/world/france", html);

        assertThat(locations(page)).containsEntry("/", LinkLocation.HEADER)
                .containsEntry("/world", LinkLocation.NAV)
                .containsEntry("/sport", LinkLocation.NAV)
                .containsEntry("/world/europe", LinkLocation.BREADCRUMB)
                .containsEntry("/2024/05/12/story-one", LinkLocation.ARTICLE_CARD)
                .containsEntry("/inline", LinkLocation.MAIN)
                .containsEntry("/popular", LinkLocation.ASIDE)
                .containsEntry("/about", LinkLocation.FOOTER)
                .containsEntry("/loose", LinkLocation.BODY);
        assertThat(page.breadcrumbs()).containsExactly(new Breadcrumb("Europe", BASE + "/world/europe"));
    }

    @Test
    void links_useAltTextAriaLabelAndTitleWhenEmpty() {
        String html = "<a href=\"/a\"><img alt=\"Picture story\"></a><a href=\"/b\" aria-label=\"Labelled\"></a>"
                + "<a href=\"/c\" title=\"Titled\"> </a><a href=\"#top\">top</a><a href=\"javascript:void(0)\">js</a>";

        PageAnalysis page = analyzer.analyze(BASE + "/", html);

        assertThat(page.links()).extracting(Link::text).containsExactly("Picture story", "Labelled", "Titled");
    }

    @Test
    void links_resolveAgainstBaseHrefAndAreNormalised() {
        String html = "<head><base href=\"https://news.example/world/\"></head><body>"
                + "<a href=\"france?utm_source=x#top\">France</a><a href=\"../Sport/\">Sport</a></body>";

        PageAnalysis page = analyzer.analyze(BASE + "/index.html", html);

        assertThat(page.distinctUrls()).containsExactly(BASE + "/world/france", BASE + "/Sport/");
    }

    @Test
    void robotsMeta_nofollowRemovesLinksAndNoindexIsReported() {
        String html = "<meta name=\"robots\" content=\"noindex, nofollow\"><a href=\"/a\">A</a>";

        PageAnalysis page = analyzer.analyze(BASE + "/", html);

        assertThat(page.robots()).isEqualTo(new RobotsMeta(true, true));
        assertThat(page.links()).isEmpty();
        assertThat(analyzer.analyze(BASE + "/", "<a href=\"/a\">A</a>", "noindex").robots().noindex()).isTrue();
    }

    @Test
    void relNofollowLinksAreKeptButNotFollowable() {
        PageAnalysis page = analyzer.analyze(BASE + "/", "<a href=\"/a\" rel=\"nofollow\">A</a><a href=\"/b\">B</a>");

        assertThat(page.distinctUrls()).hasSize(2);
        assertThat(page.followableUrls()).containsExactly(BASE + "/b");
    }

    @Test
    void article_isRecognisedFromJsonLdGraph() {
        String html = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","name":"x"},
                  {"@type":["ReportageNewsArticle"],"headline":"Floods hit the coast","datePublished":"2024-05-12T10:00:00Z",
                   "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Li Wei"}],"articleSection":"World"}]}
                </script><h1>Floods</h1>""";

        PageAnalysis page = analyzer.analyze(BASE + "/world/floods", html);

        assertThat(page.isArticle()).isTrue();
        assertThat(page.article().reasons()).contains("json-ld article type");
        assertThat(page.article().headline()).isEqualTo("Floods hit the coast");
        assertThat(page.article().publishedTime()).isEqualTo("2024-05-12T10:00:00Z");
        assertThat(page.article().authors()).containsExactly("Jane Doe", "Li Wei");
        assertThat(page.article().section()).isEqualTo("World");
    }

    @Test
    void article_isRecognisedFromOpenGraphOrDatedPathWithByline() {
        PageAnalysis og = analyzer.analyze(BASE + "/a", "<meta property=\"og:type\" content=\"article\"><h1>A</h1>");
        PageAnalysis dated = analyzer.analyze(BASE + "/2024/may/12/floods-hit-coast",
                "<h1>Floods</h1><p class=\"byline\">By Jane Doe</p>");
        PageAnalysis published = analyzer.analyze(BASE + "/b",
                "<meta property=\"article:published_time\" content=\"2024-05-12\">");

        assertThat(og.isArticle()).isTrue();
        assertThat(dated.isArticle()).isTrue();
        assertThat(dated.article().byline()).isEqualTo("By Jane Doe");
        assertThat(published.isArticle()).isTrue();
    }

    @Test
    void article_liveBlogsAreMarked() {
        PageAnalysis live = analyzer.analyze(BASE + "/x",
                "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Live\"}</script>");

        assertThat(live.article().liveBlog()).isTrue();
        assertThat(live.isArticle()).isTrue();
        assertThat(analyzer.analyze(BASE + "/world/live/2024/may/12/election", "").article().liveBlog()).isTrue();
    }

    @Test
    void listing_countsStoryLinksCardsAndPagination() {
        String html = "<main><section>" + cards(12, "/world/2024/may/12/story-") + "</section>"
                + "<a rel=\"next\" href=\"?page=2\">Next</a></main>";

        PageAnalysis page = analyzer.analyze(BASE + "/world/france", html);

        assertThat(page.isArticle()).isFalse();
        assertThat(page.listing().articleLinks()).isEqualTo(12);
        assertThat(page.listing().headlineLinks()).isEqualTo(12);
        assertThat(page.listing().largestCardGroup()).isEqualTo(12);
        assertThat(page.listing().cardGroups()).isEqualTo(1);
        assertThat(page.listing().pagination()).containsExactly(
                new Pagination(BASE + "/world/france?page=2", Pagination.Style.REL_NEXT, 2));
    }

    @Test
    void listing_findsPathPaginationAndOlderLinks() {
        PageAnalysis path = analyzer.analyze(BASE + "/world/europe/page/2",
                "<a href=\"/world/europe/page/3\">3</a><a href=\"/world/europe/page/1\">1</a>");
        PageAnalysis older = analyzer.analyze(BASE + "/section/world", "<a href=\"/section/world?after=abc\">Older stories</a>");

        assertThat(path.listing().pagination()).containsExactly(
                new Pagination(BASE + "/world/europe/page/3", Pagination.Style.PATH, 3));
        assertThat(older.listing().pagination()).extracting(Pagination::style).containsExactly(Pagination.Style.OLDER_LINK);
    }

    @Test
    void page_readsTitleHeadingsCanonicalAndLanguage() {
        String html = "<html lang=\"en-GB\"><head><title> France | News </title>"
                + "<link rel=\"canonical\" href=\"https://NEWS.example/world/france/?utm_medium=x\"></head>"
                + "<body><h1>France</h1><h2>Latest</h2><h3>More</h3></body></html>";

        PageAnalysis page = analyzer.analyze(BASE + "/world/france?page=1", html);

        assertThat(page.title()).isEqualTo("France | News");
        assertThat(page.h1()).isEqualTo("France");
        assertThat(page.headings()).containsExactly("France", "Latest", "More");
        assertThat(page.canonicalUrl()).isEqualTo(BASE + "/world/france/");
        assertThat(page.language()).isEqualTo("en-GB");
    }

    @Test
    void page_survivesMalformedJsonLdAndHostileNesting() {
        String nested = "<div>".repeat(20_000) + "<a href=\"/deep\">deep</a>" + "</div>".repeat(20_000);
        String html = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", oops</script>" + nested;

        PageAnalysis page = analyzer.analyze(BASE + "/", html);

        assertThat(page.isArticle()).isFalse();
        assertThat(page.distinctUrls()).containsExactly(BASE + "/deep");
    }

    @Test
    void page_searchAndLoginFormsAreRecognised() {
        PageAnalysis search = analyzer.analyze(BASE + "/find", "<main><form><input type=\"search\" name=\"q\"></form></main>");
        PageAnalysis headerSearch = analyzer.analyze(BASE + "/", "<header><form><input name=\"q\"></form></header>");
        PageAnalysis login = analyzer.analyze(BASE + "/account", "<form><input type=\"password\"></form>");

        assertThat(search.searchForm()).isTrue();
        assertThat(headerSearch.searchForm()).isFalse();
        assertThat(login.passwordField()).isTrue();
    }

    @Test
    void urlShapes_tellStoriesFromSections() {
        assertThat(UrlShapes.isDatedPath("/world/2024/may/12/france-election-result")).isTrue();
        assertThat(UrlShapes.isDatedPath("/2024/05/12/world/europe/story.html")).isTrue();
        assertThat(UrlShapes.isDatedPath("/world/europe/france")).isFalse();
        assertThat(UrlShapes.hasArticleId("/news/world-europe-68712345")).isTrue();
        assertThat(UrlShapes.hasArticleId("/news/world/europe")).isFalse();
        assertThat(UrlShapes.slugWords("/politics/minister-resigns-after-budget-row")).isEqualTo(5);
    }
}
