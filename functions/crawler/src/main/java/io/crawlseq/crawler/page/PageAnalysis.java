package io.crawlseq.crawler.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the crawler reads from one HTML page: identity, links with their location, article
 * and listing signals, robots directives. Produced by {@link PageAnalyzer}; immutable.
 *
 * @param url              the page's URL (after redirects)
 * @param canonicalUrl     normalised {@code <link rel=canonical>}, or null
 * @param title            {@code <title>}, or ""
 * @param h1               the first h1's text, or ""
 * @param headings         h1-h3 texts in document order (capped)
 * @param language         {@code <html lang>}, or ""
 * @param robots           robots directives (meta and X-Robots-Tag)
 * @param links            links in document order, one per occurrence (none when the page says nofollow)
 * @param breadcrumbs      breadcrumb trail (markup or JSON-LD)
 * @param article          single-story signals
 * @param listing          listing/hub signals
 * @param searchForm       a search form outside the header/navigation (a search page)
 * @param passwordField    a password input (a login or registration page)
 */
public record PageAnalysis(String url, String canonicalUrl, String title, String h1, List<String> headings,
                           String language, RobotsMeta robots, List<Link> links, List<Breadcrumb> breadcrumbs,
                           ArticleSignals article, ListingSignals listing, boolean searchForm, boolean passwordField) {

    public PageAnalysis {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        breadcrumbs = List.copyOf(breadcrumbs);
    }

    public boolean isArticle() {
        return article.isArticle();
    }

    /** Distinct URLs of links a crawler may follow: not {@code rel=nofollow}, in document order. */
    public List<String> followableUrls() {
        Set<String> urls = new LinkedHashSet<>();
        for (Link link : links) {
            if (!link.nofollow()) {
                urls.add(link.url());
            }
        }
        return new ArrayList<>(urls);
    }

    /** Distinct link URLs in document order. */
    public List<String> distinctUrls() {
        Set<String> urls = new LinkedHashSet<>();
        for (Link link : links) {
            urls.add(link.url());
        }
        return new ArrayList<>(urls);
    }
}
