package io.crawlseq.crawler.page;

/**
 * A link to the next (older) page of a listing.
 *
 * @param url   the next page's URL
 * @param style how the site paginates
 * @param page  the page number the link goes to, or -1 when not numbered
 */
public record Pagination(String url, Style style, int page) {

    public enum Style {
        /** {@code <link rel=next>} or {@code <a rel=next>}. */
        REL_NEXT,
        /** {@code ?page=N} (also {@code p}, {@code pg}, {@code pagina}). */
        QUERY,
        /** {@code /page/N} or {@code /N} after the listing's path. */
        PATH,
        /** Link text like "Older", "Next", "More stories", "»". */
        OLDER_LINK
    }
}
