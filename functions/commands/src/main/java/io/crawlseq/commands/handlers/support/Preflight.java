package io.crawlseq.commands.handlers.support;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.SsrfGuard;
import io.crawlseq.crawler.robots.RobotsRules;
import io.crawlseq.crawler.url.WebUrl;
import java.util.Optional;

/**
 * What every crawling command checks before its first fetch, so a site it may not or cannot crawl
 * is a failed step with the reason rather than an empty "success": the SSRF guard accepts the
 * target, its robots.txt can be read, and robots.txt allows the target.
 */
public final class Preflight {

    private Preflight() {
    }

    /** Why a crawl did not start: the step's error type and message. */
    public record Refusal(String errorType, String message) {
    }

    public static Optional<Refusal> check(Crawler crawler, WebUrl start) {
        SsrfGuard guard = new SsrfGuard(crawler.config().fetch().allowList(), crawler.config().fetch().resolver());
        switch (guard.check(start)) {
            case SsrfGuard.Refused r -> {
                return Optional.of(new Refusal(CrawlFailures.BLOCKED_BY_POLICY, start + " is refused: " + r.reason()
                        + " (local and private sites must be allowed explicitly, e.g. --allow-host "
                        + start.host() + (start.port() > 0 ? ":" + start.port() : "") + ")"));
            }
            case SsrfGuard.Unresolvable u -> {
                return Optional.of(new Refusal(CrawlFailures.SITE_UNREACHABLE, start + " cannot be reached: " + u.reason()));
            }
            case SsrfGuard.Allowed a -> {
            }
        }
        RobotsRules robots = crawler.robots(start);
        if (robots.status() == RobotsRules.Status.UNREACHABLE) {
            return Optional.of(new Refusal(CrawlFailures.SITE_UNREACHABLE, "robots.txt of " + start.origin()
                    + " could not be fetched (" + robots.detail() + "); until it can, RFC 9309 treats the whole "
                    + "site as disallowed"));
        }
        if (!robots.isAllowed(start)) {
            return Optional.of(new Refusal(CrawlFailures.BLOCKED_BY_ROBOTS, "robots.txt of " + start.origin()
                    + " disallows " + start + " for " + crawler.config().robots().productToken()));
        }
        return Optional.empty();
    }
}
