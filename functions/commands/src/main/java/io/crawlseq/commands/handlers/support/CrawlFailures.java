package io.crawlseq.commands.handlers.support;

/**
 * Error types of the failed results crawling commands return: things a crawl engineer should see
 * and can act on, never exceptions.
 */
public final class CrawlFailures {

    private CrawlFailures() {
    }

    /** Neither the step's args nor the run context name a target site. */
    public static final String MISSING_START_URL = "MissingStartUrl";
    /** The target is not a URL the crawler can fetch. */
    public static final String INVALID_START_URL = "InvalidStartUrl";
    /** The SSRF guard refuses the target (a private or loopback address that is not allow-listed). */
    public static final String BLOCKED_BY_POLICY = "BlockedByPolicy";
    /** robots.txt disallows the start URL for our user agent. */
    public static final String BLOCKED_BY_ROBOTS = "BlockedByRobots";
    /** The site does not answer: its name does not resolve, robots.txt or the start page cannot be fetched. */
    public static final String SITE_UNREACHABLE = "SiteUnreachable";
    /** A continuation made no progress (its time budget is shorter than the site's request spacing). */
    public static final String NO_PROGRESS = "NoProgress";
}
