package io.crawlseq.crawler.page;

/**
 * Robots directives for the page from {@code <meta name="robots">}, a meta for our own token, and
 * the {@code X-Robots-Tag} header.
 *
 * @param noindex  the page asks not to be indexed (we still read it; commands may skip recording it)
 * @param nofollow the page asks that its links are not followed: link extraction returns none
 */
public record RobotsMeta(boolean noindex, boolean nofollow) {

    public static final RobotsMeta NONE = new RobotsMeta(false, false);
}
