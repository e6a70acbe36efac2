package io.crawlseq.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import java.util.List;
import java.util.Locale;

/**
 * Turns a robots.txt fetch into {@link RobotsRules}, following RFC 9309 (with crawler-commons'
 * {@link SimpleRobotRulesParser} for the file itself). Pure: bytes and statuses in, rules out.
 * Rules are matched on the product token (e.g. {@code crawl-sequences}), not the whole User-Agent.
 */
public final class RobotsParser {

    private final String productToken;

    public RobotsParser(String productToken) {
        this.productToken = productToken.toLowerCase(Locale.ROOT);
    }

    public String productToken() {
        return productToken;
    }

    /** Parses a robots.txt body (truncated by the caller at the size cap; RFC 9309 §2.5 allows that). */
    public RobotsRules parse(String robotsUrl, byte[] content, String contentType) {
        // No maximum crawl delay in the parser: crawler-commons would turn a long Crawl-delay into
        // "disallow all"; we obey it up to our own cap instead (see Politeness#maxCrawlDelayMs).
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 10);
        BaseRobotRules rules = parser.parseContent(robotsUrl, content, contentType, List.of(productToken));
        long delay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? -1 : Math.max(0, rules.getCrawlDelay());
        return new RobotsRules(RobotsRules.Status.PARSED, "robots.txt parsed", rules, delay, rules.getSitemaps());
    }

    /**
     * Rules for a fetch of robots.txt, whatever its outcome. Why each outcome maps as it does:
     * <ul>
     *   <li>ok: parse it (a body the parser recognises as HTML counts as no rules).</li>
     *   <li>4xx except 429: RFC 9309 "unavailable": the site has no rules for us, everything is allowed.</li>
     *   <li>429: treated as unreachable, not unavailable: the server is asking us to back off, and
     *       reading that as "everything allowed" would do the opposite.</li>
     *   <li>5xx, timeout, network error: RFC 9309 "unreachable": assume complete disallow, retry later.</li>
     *   <li>redirect not followed (loop, more than 5 hops): RFC 9309 lets us treat it as unavailable.</li>
     *   <li>blocked by policy (not a text type, redirect refused by the SSRF guard): no readable rules;
     *       unavailable. Every page URL is still checked by the guard itself.</li>
     * </ul>
     */
    public RobotsRules fromFetch(String robotsUrl, FetchResult result) {
        FetchOutcome outcome = result.outcome();
        return switch (outcome) {
            case OK -> parse(robotsUrl, result.body(), result.contentType().isEmpty() ? "text/plain" : result.contentType());
            case CLIENT_ERROR -> result.status() == 429
                    ? unreachable("HTTP 429: the server asks to slow down; nothing fetched until robots.txt is readable")
                    : unavailable("HTTP " + result.status() + ": no robots.txt, everything allowed");
            case SERVER_ERROR, TIMEOUT, NETWORK_ERROR, NOT_MODIFIED, TOO_LARGE ->
                    unreachable(outcome.wireName() + " (" + result.detail() + "): everything disallowed until it is readable");
            case REDIRECT, BLOCKED_BY_POLICY, BLOCKED_BY_ROBOTS ->
                    unavailable(outcome.wireName() + " (" + result.detail() + "): no readable robots.txt, everything allowed");
        };
    }

    public static RobotsRules unavailable(String detail) {
        return new RobotsRules(RobotsRules.Status.UNAVAILABLE, detail,
                new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), -1, List.of());
    }

    public static RobotsRules unreachable(String detail) {
        return new RobotsRules(RobotsRules.Status.UNREACHABLE, detail,
                new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), -1, List.of());
    }

    public static RobotsRules ignored() {
        return new RobotsRules(RobotsRules.Status.IGNORED, "robots.txt not consulted",
                new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), -1, List.of());
    }
}
