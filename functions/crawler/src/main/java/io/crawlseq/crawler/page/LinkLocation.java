package io.crawlseq.crawler.page;

/**
 * Where on a page a link sits, decided from its nearest landmark ancestor (element, ARIA role,
 * or a class/id naming one). Hub detection weighs links by it: navigation and breadcrumbs say
 * "this is a section", footers say "this is about the company", cards say "this is a story".
 */
public enum LinkLocation {
    /** {@code <nav>}, role=navigation, menus. */
    NAV,
    /** Breadcrumb trails. */
    BREADCRUMB,
    /** The page header/masthead outside any nav. */
    HEADER,
    /** {@code <footer>}, role=contentinfo. */
    FOOTER,
    /** Sidebars, "most read", related boxes. */
    ASIDE,
    /** A teaser card in a listing: an article element or card/teaser/story block with a headline. */
    ARTICLE_CARD,
    /** Inside the body text of an article page. */
    ARTICLE_BODY,
    /** {@code <main>} outside the above. */
    MAIN,
    /** Anywhere else. */
    BODY;

    /** Navigation-like places that list a site's sections. */
    public boolean isNavigation() {
        return this == NAV || this == BREADCRUMB || this == HEADER;
    }
}
