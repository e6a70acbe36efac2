package io.crawlseq.crawler.page;

import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page with jsoup into a {@link PageAnalysis}: links with anchor text and location,
 * article signals, listing signals, title, headings, canonical URL and robots directives.
 * Stateless and thread-safe; never throws on bad HTML (jsoup repairs anything, and hostile
 * nesting is walked iteratively).
 */
public final class PageAnalyzer {

    /** JSON-LD types of a single story. */
    public static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "LiveBlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
            "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "SatiricalArticle", "Report");

    static final int MAX_LINKS = 3000;
    private static final int MAX_HEADINGS = 50;
    private static final int MAX_CARD_TEXT = 1500;

    private static final Pattern NAV_CLASS = token("nav|navbar|navigation|menu|subnav|megamenu|main-menu|site-nav");
    private static final Pattern BREADCRUMB_CLASS = Pattern.compile("breadcrumb", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOOTER_CLASS = token("footer|site-footer|page-footer|global-footer");
    private static final Pattern HEADER_CLASS = token("header|site-header|masthead|page-header|global-header");
    private static final Pattern ASIDE_CLASS = token("sidebar|rail|right-rail|most-popular|most-read|mostviewed|related|trending");
    private static final Pattern CARD_CLASS = token("card|teaser|promo|story|tile|fc-item|headline-item|story-card|post|entry|article-item|list-item|media");
    private static final Pattern MAIN_ID = token("main|content|main-content|maincontent");
    private static final Pattern OLDER_TEXT = Pattern.compile(
            "^(older|older (posts|stories|articles|news|entries)|next|next page|more|more (stories|articles|news)"
                    + "|load more|show more|previous (articles|posts|stories)|see more|[›»→>]+|next\\s*[›»→>]+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "p", "pg", "pagina", "paged", "pagenum", "pageno");
    private static final Pattern PATH_PAGE = Pattern.compile("^(.*?)/(?:page|p|pagina|seite)/(\\d{1,6})/?$");

    private final UrlNormalizer normalizer;

    public PageAnalyzer() {
        this(UrlNormalizer.standard());
    }

    public PageAnalyzer(UrlNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    private static Pattern token(String alternatives) {
        return Pattern.compile("(?:^|[\\s_-])(?:" + alternatives + ")(?:$|[\\s_-])", Pattern.CASE_INSENSITIVE);
    }

    /** Analyses a fetched page (its final URL, decoded text and X-Robots-Tag header). */
    public PageAnalysis analyze(FetchResult fetched) {
        return analyze(fetched.finalUrl(), fetched.text(), fetched.header("x-robots-tag").orElse(null));
    }

    public PageAnalysis analyze(String url, String html) {
        return analyze(url, html, null);
    }

    /**
     * @param url          the page's URL (absolute)
     * @param html         the decoded page
     * @param xRobotsTag   the X-Robots-Tag header, or null
     */
    public PageAnalysis analyze(String url, String html, String xRobotsTag) {
        WebUrl pageUrl = normalizer.normalize(url).toOptional()
                .orElseGet(() -> UrlParser.parse(url).toOptional().orElse(null));
        if (pageUrl == null) {
            throw new IllegalArgumentException("page URL must be a valid http(s) URL: " + url);
        }
        Document document = Jsoup.parse(html, pageUrl.toString());
        return new Reading(pageUrl, document, xRobotsTag).read();
    }

    /** One page being read. */
    private final class Reading {
        private final WebUrl pageUrl;
        private final Document document;
        private final String xRobotsTag;
        private final SiteScope site;
        private WebUrl base;

        private final List<Link> links = new ArrayList<>();
        private final List<Element> headlineAnchors = new ArrayList<>();
        private final List<Breadcrumb> breadcrumbs = new ArrayList<>();
        private int paragraphChars;
        private boolean searchForm;
        private boolean passwordField;
        private int cardEvaluations;

        Reading(WebUrl pageUrl, Document document, String xRobotsTag) {
            this.pageUrl = pageUrl;
            this.document = document;
            this.xRobotsTag = xRobotsTag;
            this.site = SiteScope.of(pageUrl);
            this.base = pageUrl;
        }

        PageAnalysis read() {
            Element baseElement = document.selectFirst("head > base[href]");
            if (baseElement != null) {
                UrlParser.resolve(pageUrl, baseElement.attr("href")).toOptional().ifPresent(b -> base = b);
            }
            RobotsMeta robots = robotsMeta();
            JsonLd.Facts jsonLd = JsonLd.extract(document);
            walk(robots.nofollow());
            if (breadcrumbs.isEmpty()) {
                for (Breadcrumb b : jsonLd.breadcrumbs()) {
                    String u = b.url() == null ? null : normalizer.key(base, b.url());
                    breadcrumbs.add(new Breadcrumb(b.name(), u));
                }
            }
            String title = document.title().strip();
            Element h1 = document.selectFirst("h1");
            List<String> headings = new ArrayList<>();
            for (Element h : document.select("h1, h2, h3")) {
                if (headings.size() >= MAX_HEADINGS) {
                    break;
                }
                String text = collapse(h.text());
                if (!text.isEmpty()) {
                    headings.add(text);
                }
            }
            ArticleSignals article = articleSignals(jsonLd, h1);
            ListingSignals listing = listingSignals(jsonLd);
            return new PageAnalysis(pageUrl.toString(), canonical(), title, h1 == null ? "" : collapse(h1.text()),
                    headings, document.selectFirst("html") == null ? "" : document.selectFirst("html").attr("lang"),
                    robots, robots.nofollow() ? List.of() : links, breadcrumbs, article, listing, searchForm,
                    passwordField);
        }

        private RobotsMeta robotsMeta() {
            StringBuilder directives = new StringBuilder(xRobotsTag == null ? "" : xRobotsTag);
            for (Element meta : document.select("meta[name]")) {
                String name = meta.attr("name").toLowerCase(Locale.ROOT);
                if (name.equals("robots") || name.equals("crawl-sequences")) {
                    directives.append(',').append(meta.attr("content"));
                }
            }
            String d = directives.toString().toLowerCase(Locale.ROOT);
            boolean none = d.contains("none");
            return new RobotsMeta(none || d.contains("noindex"), none || d.contains("nofollow"));
        }

        private String canonical() {
            Element link = document.selectFirst("link[rel=canonical][href]");
            return link == null ? null : normalizer.key(base, link.attr("href"));
        }

        /** One pass over the DOM keeping a stack of landmark contexts (iterative: deep nesting is safe). */
        private void walk(boolean nofollowPage) {
            Deque<LinkLocation> contexts = new ArrayDeque<>();
            Deque<Integer> pushedAt = new ArrayDeque<>();
            contexts.push(LinkLocation.BODY);
            Element body = document.body();
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (!(node instanceof Element e)) {
                        return;
                    }
                    LinkLocation current = contexts.peek();
                    LinkLocation own = landmark(e, current);
                    if (own != null && own != current) {
                        contexts.push(own);
                        pushedAt.push(depth);
                        current = own;
                    }
                    visitElement(e, current, nofollowPage);
                }

                @Override
                public void tail(Node node, int depth) {
                    if (!pushedAt.isEmpty() && pushedAt.peek() == depth && node instanceof Element) {
                        pushedAt.pop();
                        contexts.pop();
                    }
                }
            }, body);
        }

        private void visitElement(Element e, LinkLocation location, boolean nofollowPage) {
            switch (e.normalName()) {
                case "a" -> {
                    if (e.hasAttr("href") && links.size() < MAX_LINKS) {
                        addLink(e, location);
                    }
                }
                case "p" -> {
                    if (location == LinkLocation.MAIN || location == LinkLocation.ARTICLE_BODY
                            || location == LinkLocation.BODY) {
                        int length = e.text().length();
                        if (length >= 80) {
                            paragraphChars += length;
                        }
                    }
                }
                case "input" -> {
                    String type = e.attr("type").toLowerCase(Locale.ROOT);
                    if (type.equals("password")) {
                        passwordField = true;
                    }
                    if ((type.equals("search") || e.attr("name").matches("(?i)q|query|s|search|keywords?"))
                            && !location.isNavigation() && location != LinkLocation.FOOTER) {
                        searchForm = true;
                    }
                }
                default -> {
                }
            }
        }

        /** The landmark an element opens, given the context it is in (null: none). */
        private LinkLocation landmark(Element e, LinkLocation context) {
            if (context == LinkLocation.FOOTER || context == LinkLocation.BREADCRUMB) {
                return null;   // everything inside the page footer or a breadcrumb trail stays there
            }
            String tag = e.normalName();
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            String names = e.className() + " " + e.id() + " " + e.attr("aria-label") + " " + e.attr("data-component");
            if (BREADCRUMB_CLASS.matcher(names).find()) {
                return LinkLocation.BREADCRUMB;
            }
            boolean inStory = context == LinkLocation.ARTICLE_CARD || context == LinkLocation.ARTICLE_BODY;
            if (context == LinkLocation.NAV) {
                return null;   // menus may hold promo cards: still navigation
            }
            if (tag.equals("nav") || role.equals("navigation") || role.equals("menubar") || (!inStory && NAV_CLASS.matcher(names).find()
                    && !tag.equals("body") && !tag.equals("main"))) {
                return LinkLocation.NAV;
            }
            if (!inStory && (tag.equals("footer") || role.equals("contentinfo") || FOOTER_CLASS.matcher(names).find())) {
                return LinkLocation.FOOTER;
            }
            if (!inStory && context != LinkLocation.MAIN && (tag.equals("header") || role.equals("banner")
                    || HEADER_CLASS.matcher(names).find())) {
                return LinkLocation.HEADER;
            }
            if (tag.equals("aside") || role.equals("complementary") || (!inStory && ASIDE_CLASS.matcher(names).find())) {
                return LinkLocation.ASIDE;
            }
            if (!inStory && (tag.equals("article") || CARD_CLASS.matcher(names).find())) {
                return storyKind(e);
            }
            if (tag.equals("main") || role.equals("main") || MAIN_ID.matcher(e.id()).find()) {
                return inStory ? null : LinkLocation.MAIN;
            }
            return null;
        }

        /** A short block with a link is a teaser card; a long one is the story itself. */
        private LinkLocation storyKind(Element e) {
            if (++cardEvaluations > 2000) {
                return LinkLocation.ARTICLE_CARD;
            }
            if (e.selectFirst("a[href]") == null) {
                return null;
            }
            if (e.normalName().equals("article") && e.selectFirst("h1") != null) {
                return LinkLocation.ARTICLE_BODY;
            }
            return e.text().length() <= MAX_CARD_TEXT ? LinkLocation.ARTICLE_CARD : LinkLocation.ARTICLE_BODY;
        }

        private void addLink(Element a, LinkLocation location) {
            String href = a.attr("href").strip();
            if (href.isEmpty() || href.startsWith("#")) {
                return;
            }
            UrlResult resolved = normalizer.normalize(base, href);
            if (!(resolved instanceof UrlResult.Valid valid)) {
                return;
            }
            String url = valid.url().toString();
            if (url.equals(pageUrl.toString())) {
                return;
            }
            String rel = a.attr("rel").toLowerCase(Locale.ROOT);
            boolean nofollow = rel.contains("nofollow") || rel.contains("sponsored") || rel.contains("ugc");
            boolean headline = isHeadline(a);
            if (headline && site.contains(valid.url())) {
                headlineAnchors.add(a);
            }
            if (location == LinkLocation.BREADCRUMB) {
                breadcrumbs.add(new Breadcrumb(linkText(a), url));
            }
            links.add(new Link(url, linkText(a), location, nofollow, headline));
        }

        private String linkText(Element a) {
            String text = collapse(a.text());
            if (text.isEmpty()) {
                Element img = a.selectFirst("img[alt]");
                text = img != null ? collapse(img.attr("alt")) : "";
            }
            if (text.isEmpty()) {
                text = collapse(a.attr("aria-label"));
            }
            if (text.isEmpty()) {
                text = collapse(a.attr("title"));
            }
            return text.length() > 200 ? text.substring(0, 200) : text;
        }

        private boolean isHeadline(Element a) {
            Element p = a;
            for (int i = 0; i < 3 && p != null; i++) {
                if (isHeading(p)) {
                    return true;
                }
                p = p.parent();
            }
            return a.selectFirst("h1, h2, h3, h4") != null;
        }

        private ArticleSignals articleSignals(JsonLd.Facts jsonLd, Element h1) {
            String ogType = meta("property", "og:type");
            String metaPublished = meta("property", "article:published_time");
            String section = meta("property", "article:section");
            Element time = document.selectFirst("time[datetime]");
            String published = jsonLd.datePublished() != null ? jsonLd.datePublished()
                    : metaPublished != null ? metaPublished : time != null ? time.attr("datetime") : null;
            boolean articleWithHeadlineAndTime = false;
            for (Element article : document.select("article")) {
                if (article.selectFirst("h1") != null && article.selectFirst("time") != null) {
                    articleWithHeadlineAndTime = true;
                    break;
                }
            }
            String byline = byline();
            String headline = jsonLd.headline() != null ? jsonLd.headline() : h1 == null ? null : collapse(h1.text());
            boolean liveBlog = jsonLd.types().contains("LiveBlogPosting") || UrlShapes.looksLikeLiveBlog(pageUrl);
            return new ArticleSignals(jsonLd.types(), ogType, published, metaPublished != null,
                    articleWithHeadlineAndTime, UrlShapes.isDatedPath(pageUrl.path()), UrlShapes.hasArticleId(pageUrl.path()),
                    byline, headline, section != null ? section : jsonLd.section(), jsonLd.authors(), paragraphChars,
                    liveBlog);
        }

        private String byline() {
            Element byline = document.selectFirst("[rel=author], .byline, [class*=byline], [itemprop=author], "
                    + "[data-component=byline], .author-name, [class*=contributor]");
            if (byline != null) {
                String text = collapse(byline.text());
                if (!text.isEmpty()) {
                    return text.length() > 200 ? text.substring(0, 200) : text;
                }
            }
            return meta("name", "author");
        }

        private String meta(String attribute, String name) {
            for (Element meta : document.select("meta[" + attribute + "]")) {
                if (meta.attr(attribute).equalsIgnoreCase(name)) {
                    String content = meta.attr("content").strip();
                    return content.isEmpty() ? null : content;
                }
            }
            return null;
        }

        private ListingSignals listingSignals(JsonLd.Facts jsonLd) {
            Set<String> articleUrls = new HashSet<>();
            Set<String> headlineUrls = new HashSet<>();
            for (Link link : links) {
                boolean content = link.location() == LinkLocation.ARTICLE_CARD || link.location() == LinkLocation.MAIN
                        || link.location() == LinkLocation.BODY;
                if (!content) {
                    continue;
                }
                WebUrl u = UrlParser.parse(link.url()).toOptional().orElse(null);
                if (u == null || !site.contains(u)) {
                    continue;
                }
                if (UrlShapes.looksLikeArticle(u)) {
                    articleUrls.add(link.url());
                }
                if (link.headline()) {
                    headlineUrls.add(link.url());
                }
            }
            int[] cards = cardGroups();
            boolean collection = jsonLd.types().contains("CollectionPage") || jsonLd.types().contains("ItemList");
            return new ListingSignals(articleUrls.size(), headlineUrls.size(), cards[0], cards[1], pagination(),
                    collection);
        }

        /** [largest group size, number of groups of 3+] of sibling teaser blocks with the same structure. */
        private int[] cardGroups() {
            Map<Element, Map<String, Integer>> byParent = new IdentityHashMap<>();
            Set<Element> counted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element a : headlineAnchors) {
                Element card = cardContainer(a);
                if (card == null || card.parent() == null || !counted.add(card)) {
                    continue;
                }
                byParent.computeIfAbsent(card.parent(), p -> new HashMap<>()).merge(signature(card), 1, Integer::sum);
            }
            int largest = 0;
            int groups = 0;
            for (Map<String, Integer> signatures : byParent.values()) {
                for (int n : signatures.values()) {
                    largest = Math.max(largest, n);
                    if (n >= 3) {
                        groups++;
                    }
                }
            }
            return new int[] {largest, groups};
        }

        private Element cardContainer(Element a) {
            Element p = a.parent();
            Element fallback = null;
            for (int i = 0; i < 5 && p != null && p != document.body(); i++) {
                String tag = p.normalName();
                if (tag.equals("article") || tag.equals("li") || CARD_CLASS.matcher(p.className()).find()) {
                    return p;
                }
                if (fallback == null && !isHeading(p) && !tag.equals("a") && !tag.equals("span")) {
                    fallback = p;
                }
                p = p.parent();
            }
            return fallback;
        }

        private String signature(Element card) {
            StringBuilder sb = new StringBuilder(card.normalName());
            String firstClass = card.classNames().stream().findFirst().orElse("");
            sb.append('.').append(firstClass.replaceAll("\\d+", ""));
            sb.append('>');
            int n = 0;
            for (Element child : card.children()) {
                if (n++ >= 6) {
                    break;
                }
                sb.append(child.normalName()).append(',');
            }
            return sb.toString();
        }

        private List<Pagination> pagination() {
            Map<String, Pagination> found = new LinkedHashMap<>();
            for (Element rel : document.select("link[rel~=(?i)^next$][href], a[rel~=(?i)^next$][href]")) {
                String url = normalizer.key(base, rel.attr("href"));
                if (url != null && !url.equals(pageUrl.toString())) {
                    found.putIfAbsent(url, new Pagination(url, Pagination.Style.REL_NEXT, pageNumber(url)));
                }
            }
            int current = Math.max(1, pageNumber(pageUrl.toString()));
            String listingPath = listingPath(pageUrl.path());
            for (Link link : links) {
                if (found.size() >= 10) {
                    break;
                }
                WebUrl u = UrlParser.parse(link.url()).toOptional().orElse(null);
                if (u == null || !u.host().equals(pageUrl.host())) {
                    continue;
                }
                int queryPage = queryPage(u);
                if (queryPage > current && u.path().equals(pageUrl.path())) {
                    found.putIfAbsent(link.url(), new Pagination(link.url(), Pagination.Style.QUERY, queryPage));
                    continue;
                }
                Matcher m = PATH_PAGE.matcher(u.path());
                if (m.matches() && listingPath.equals(m.group(1).isEmpty() ? "/" : m.group(1))
                        && Integer.parseInt(m.group(2)) > current) {
                    found.putIfAbsent(link.url(), new Pagination(link.url(), Pagination.Style.PATH, Integer.parseInt(m.group(2))));
                    continue;
                }
                if (OLDER_TEXT.matcher(link.text()).matches() && link.location() != LinkLocation.NAV
                        && !UrlShapes.looksLikeArticle(u)) {
                    found.putIfAbsent(link.url(), new Pagination(link.url(), Pagination.Style.OLDER_LINK, pageNumber(link.url())));
                }
            }
            return new ArrayList<>(found.values());
        }

        private int pageNumber(String url) {
            WebUrl u = UrlParser.parse(url).toOptional().orElse(null);
            if (u == null) {
                return -1;
            }
            int q = queryPage(u);
            if (q > 0) {
                return q;
            }
            Matcher m = PATH_PAGE.matcher(u.path());
            return m.matches() ? Integer.parseInt(m.group(2)) : -1;
        }

        private String listingPath(String path) {
            Matcher m = PATH_PAGE.matcher(path);
            String p = m.matches() ? m.group(1) : path;
            if (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            return p.isEmpty() ? "/" : p;
        }
    }

    /** The value of a page-number query parameter ({@code page=3}), or -1. */
    static int queryPage(WebUrl url) {
        if (url.query() == null) {
            return -1;
        }
        for (String piece : url.query().split("&")) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = piece.substring(eq + 1);
            if (PAGE_PARAMETERS.contains(name) && !value.isEmpty() && value.length() <= 6
                    && value.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(value);
            }
        }
        return -1;
    }

    private static boolean isHeading(Element e) {
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '4';
    }

    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }
}
