package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.WebUrl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The standard link filters. */
public final class UrlFilters {

    private static final Pattern ASSET = Pattern.compile(
            "\\.(?:jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|css|js|mjs|json|xml|rss|atom|pdf|docx?|xlsx?|pptx?|zip|gz|tgz"
                    + "|rar|7z|mp3|m4a|aac|ogg|wav|mp4|m4v|mov|avi|webm|mkv|woff2?|ttf|otf|eot|exe|dmg|apk|ics)$",
            Pattern.CASE_INSENSITIVE);

    private UrlFilters() {
    }

    /** Same site, depth limit, no assets, no URL traps. */
    public static List<UrlFilter> standard(SiteScope scope, int maxDepth) {
        return List.of(sameSite(scope), maxDepth(maxDepth), noAssets(), maxLength(2048), noTraps());
    }

    public static UrlFilter sameSite(SiteScope scope) {
        return (url, depth) -> scope.contains(url) ? null : "outside the site (" + url.host() + ")";
    }

    public static UrlFilter maxDepth(int maxDepth) {
        return (url, depth) -> depth <= maxDepth ? null : "depth " + depth + " > " + maxDepth;
    }

    /** Images, stylesheets, scripts, documents, media: not pages. */
    public static UrlFilter noAssets() {
        return (url, depth) -> ASSET.matcher(url.path()).find() ? "not a page (file extension)" : null;
    }

    public static UrlFilter maxLength(int max) {
        return (url, depth) -> url.toString().length() <= max ? null : "URL longer than " + max;
    }

    /**
     * Calendar and session traps: a path segment repeated three times ({@code /a/b/a/b/a/b}), more
     * than 12 segments, or more than 6 query parameters.
     */
    public static UrlFilter noTraps() {
        return (url, depth) -> {
            List<String> segments = url.pathSegments();
            if (segments.size() > 12) {
                return "path deeper than 12 segments";
            }
            Map<String, Integer> counts = new HashMap<>();
            for (String s : segments) {
                if (counts.merge(s, 1, Integer::sum) >= 3) {
                    return "segment '" + s + "' repeated";
                }
            }
            if (url.query() != null && url.query().split("&").length > 6) {
                return "more than 6 query parameters";
            }
            return null;
        };
    }

    /** Accepts only URLs the predicate accepts. */
    public static UrlFilter only(java.util.function.Predicate<WebUrl> accept, String reason) {
        return (url, depth) -> accept.test(url) ? null : reason;
    }
}
