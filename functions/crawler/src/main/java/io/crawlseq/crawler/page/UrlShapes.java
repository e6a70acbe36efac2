package io.crawlseq.crawler.page;

import io.crawlseq.crawler.url.WebUrl;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a URL's path alone says about the page: dated paths and numeric ids are stories, a long
 * slug is probably a story, {@code /live/} is a live blog. Heuristics shared by page analysis
 * and hub detection.
 */
public final class UrlShapes {

    private static final String MONTH = "(?:0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)";
    /** {@code /2024/05/12/}, {@code /2024/may/12/}, {@code /2024/05/} followed by a slug. */
    private static final Pattern DATED = Pattern.compile(
            "/(?:19|20)\\d{2}/" + MONTH + "(?:/(?:0?[1-9]|[12]\\d|3[01]))?/[^/]+", Pattern.CASE_INSENSITIVE);
    /** {@code /2024-05-12/} or {@code /20240512/} as a segment, or a slug starting with a date. */
    private static final Pattern DATED_SEGMENT = Pattern.compile(
            "/(?:19|20)\\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\\d|3[01])(?:[-_/][^/]*)?(?:/|$)");
    /** {@code world-europe-12345678}, {@code /12345678}, {@code article123456.html}, {@code a1b2c3-...-1234567}. */
    private static final Pattern ARTICLE_ID = Pattern.compile("(?:^|[-_/a-z])\\d{6,}(?:\\.[a-z]+)?$");
    private static final Pattern WORD_SPLIT = Pattern.compile("[-_+]+");
    private static final List<String> LIVE_MARKERS = List.of("live", "live-blog", "liveblog", "as-it-happened");

    private UrlShapes() {
    }

    public static boolean isDatedPath(String path) {
        return DATED.matcher(path).find() || DATED_SEGMENT.matcher(path).find();
    }

    /** The last segment ends in a number of 6+ digits (an article id). */
    public static boolean hasArticleId(String path) {
        String last = lastSegment(path).toLowerCase(Locale.ROOT);
        return ARTICLE_ID.matcher(last).find();
    }

    /** Words in the last path segment's slug ({@code france-election-result} has 3). */
    public static int slugWords(String path) {
        String last = lastSegment(path);
        int dot = last.lastIndexOf('.');
        if (dot > 0) {
            last = last.substring(0, dot);
        }
        if (last.isEmpty()) {
            return 0;
        }
        int words = 0;
        for (String w : WORD_SPLIT.split(last)) {
            if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit)) {
                words++;
            }
        }
        return words;
    }

    /** A story's URL: dated, with an article id, or a long slug (5+ words). */
    public static boolean looksLikeArticle(WebUrl url) {
        String path = url.path();
        return isDatedPath(path) || hasArticleId(path) || slugWords(path) >= 5;
    }

    /** {@code /live/}, {@code -live-}, {@code liveblog} in the path. */
    public static boolean looksLikeLiveBlog(WebUrl url) {
        String path = url.path().toLowerCase(Locale.ROOT);
        for (String segment : path.split("/")) {
            if (LIVE_MARKERS.contains(segment)) {
                return true;
            }
            if (segment.startsWith("live-") || segment.endsWith("-live") || segment.contains("-live-")
                    || segment.contains("liveblog") || segment.endsWith("-as-it-happened")) {
                return true;
            }
        }
        return false;
    }

    public static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
