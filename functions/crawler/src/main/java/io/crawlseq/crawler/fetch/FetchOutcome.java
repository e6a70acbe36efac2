package io.crawlseq.crawler.fetch;

import java.util.Locale;

/**
 * How a fetch ended. Every fetch ends in exactly one of these; none is an exception. The mapping
 * from HTTP statuses is in {@link HttpFetcher#outcomeOf(int)} with a reason per range.
 */
public enum FetchOutcome {
    /** 2xx with an accepted content type, within the caps: the body is there. */
    OK,
    /** 304 to a conditional request: the copy the caller holds is current. */
    NOT_MODIFIED,
    /** A 3xx that was not followed (following disabled, loop, too many hops, no Location). */
    REDIRECT,
    /** 4xx: the request or the URL is wrong; 429 and 408 are retryable. */
    CLIENT_ERROR,
    /** 5xx: the server failed; 500/502/503/504 are retryable. */
    SERVER_ERROR,
    /** The connect or the total time cap ran out (also for responses that trickle slowly). */
    TIMEOUT,
    /** The body, after decompression, is larger than the byte cap. */
    TOO_LARGE,
    /** robots.txt disallows the URL (or a redirect target) for our user agent. */
    BLOCKED_BY_ROBOTS,
    /** Refused by configuration: SSRF guard, site scope, content type. */
    BLOCKED_BY_POLICY,
    /** DNS failure, refused or reset connection, TLS failure, malformed response. */
    NETWORK_ERROR;

    /** The name used in JSON and logs: {@code blocked-by-robots}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FetchOutcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether the fetch failed (anything but ok and not-modified). */
    public boolean isFailure() {
        return this != OK && this != NOT_MODIFIED;
    }
}
