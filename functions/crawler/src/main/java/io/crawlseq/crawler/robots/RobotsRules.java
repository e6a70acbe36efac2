package io.crawlseq.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import io.crawlseq.crawler.url.WebUrl;
import java.util.List;

/**
 * What robots.txt says for our user agent on one origin (scheme, host, port).
 *
 * @param status       where the rules come from (a parsed file, or a rule of RFC 9309 for a failed fetch)
 * @param detail       why, for humans ("HTTP 404: no robots.txt, everything allowed")
 * @param rules        the parsed rules (crawler-commons)
 * @param crawlDelayMs the Crawl-delay for our agent in milliseconds, or -1 when none
 * @param sitemaps     Sitemap: lines (absolute URLs as written)
 */
public record RobotsRules(Status status, String detail, BaseRobotRules rules, long crawlDelayMs, List<String> sitemaps) {

    /** How the rules were obtained. */
    public enum Status {
        /** robots.txt fetched and parsed. */
        PARSED,
        /** robots.txt unavailable (4xx, not text, too many redirects): RFC 9309 §2.3.1.3, everything allowed. */
        UNAVAILABLE,
        /** robots.txt unreachable (5xx, 429, network error): RFC 9309 §2.3.1.4, everything disallowed for a while. */
        UNREACHABLE,
        /** robots.txt not consulted (obeying it is switched off). */
        IGNORED
    }

    public RobotsRules {
        sitemaps = List.copyOf(sitemaps);
    }

    public boolean isAllowed(WebUrl url) {
        return rules.isAllowed(url.toString());
    }

    public boolean isAllowed(String url) {
        return rules.isAllowed(url);
    }

    /** True for rules that allow everything as a whole (no file, an empty file, the unavailable fallback). */
    public boolean allowsAll() {
        return rules.isAllowAll();
    }

    /** True for the unreachable fallback; a parsed {@code Disallow: /} may still allow some paths, so it is false then. */
    public boolean disallowsAll() {
        return rules.isAllowNone();
    }
}
