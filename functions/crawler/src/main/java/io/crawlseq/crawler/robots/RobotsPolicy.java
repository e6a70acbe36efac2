package io.crawlseq.crawler.robots;

import java.time.Duration;

/**
 * How robots.txt is used.
 *
 * @param obey         consult robots.txt (off only for explicitly authorised crawls of one's own site)
 * @param productToken the token matched against User-agent lines
 * @param ttl          how long parsed or unavailable rules are reused (RFC 9309 §2.4: at most 24 hours)
 * @param errorTtl     how long "unreachable, disallow all" is kept before robots.txt is tried again
 * @param maxRedirects redirects followed for robots.txt (RFC 9309 §2.3.1.2: at least five)
 */
public record RobotsPolicy(boolean obey, String productToken, Duration ttl, Duration errorTtl, int maxRedirects) {

    public static final String DEFAULT_TOKEN = "crawl-sequences";

    public static RobotsPolicy defaults() {
        return new RobotsPolicy(true, DEFAULT_TOKEN, Duration.ofHours(24), Duration.ofMinutes(10), 5);
    }

    public RobotsPolicy obey(boolean value) {
        return new RobotsPolicy(value, productToken, ttl, errorTtl, maxRedirects);
    }

    public RobotsPolicy productToken(String value) {
        return new RobotsPolicy(obey, value, ttl, errorTtl, maxRedirects);
    }

    public RobotsPolicy ttl(Duration rules, Duration errors) {
        return new RobotsPolicy(obey, productToken, rules, errors, maxRedirects);
    }
}
