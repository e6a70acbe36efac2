package io.crawlseq.crawler.fetch;

import io.crawlseq.crawler.url.WebUrl;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What to fetch and how.
 *
 * @param url             the URL (already normalised by the caller)
 * @param kind            decides Accept, accepted content types and the byte cap
 * @param method          {@code GET} or {@code HEAD}
 * @param followRedirects follow 3xx hop by hop (each hop checked) or return {@link FetchOutcome#REDIRECT}
 * @param conditional     send If-None-Match / If-Modified-Since when a validator is known
 * @param checkRobots     consult robots.txt for every hop (off only for robots.txt itself)
 * @param scope           redirects must stay where this says (null: anywhere the SSRF guard allows)
 * @param maxBytes        byte cap after decompression (≤ 0: the policy's cap for the kind)
 * @param truncateAtCap   keep the first {@code maxBytes} instead of failing with too-large (robots.txt)
 * @param maxRedirects    hops to follow at most (< 0: the policy's)
 * @param headers         extra request headers sent on every hop, replacing the fetcher's own Accept (and
 *                        conditional) headers of the same name; headers the fetcher must control
 *                        (User-Agent, Accept-Encoding, Host, hop-by-hop and framing headers) and malformed
 *                        ones end the fetch as {@link FetchOutcome#BLOCKED_BY_POLICY} before anything is sent
 */
public record FetchRequest(WebUrl url, ContentKind kind, String method, boolean followRedirects, boolean conditional,
                           boolean checkRobots, Predicate<WebUrl> scope, long maxBytes, boolean truncateAtCap,
                           int maxRedirects, Map<String, String> headers) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A request without extra headers. */
    public FetchRequest(WebUrl url, ContentKind kind, String method, boolean followRedirects, boolean conditional,
                        boolean checkRobots, Predicate<WebUrl> scope, long maxBytes, boolean truncateAtCap,
                        int maxRedirects) {
        this(url, kind, method, followRedirects, conditional, checkRobots, scope, maxBytes, truncateAtCap, maxRedirects,
                Map.of());
    }

    /** A page GET: redirects followed, conditional, robots checked, no scope limit. */
    public static FetchRequest page(WebUrl url) {
        return new FetchRequest(url, ContentKind.PAGE, "GET", true, true, true, null, 0, false, -1);
    }

    public static FetchRequest of(WebUrl url, ContentKind kind) {
        return new FetchRequest(url, kind, "GET", true, kind == ContentKind.PAGE, true, null, 0, false, -1);
    }

    public FetchRequest withScope(Predicate<WebUrl> value) {
        return new FetchRequest(url, kind, method, followRedirects, conditional, checkRobots, value, maxBytes,
                truncateAtCap, maxRedirects, headers);
    }

    public FetchRequest withFollowRedirects(boolean value) {
        return new FetchRequest(url, kind, method, value, conditional, checkRobots, scope, maxBytes, truncateAtCap,
                maxRedirects, headers);
    }

    public FetchRequest withConditional(boolean value) {
        return new FetchRequest(url, kind, method, followRedirects, value, checkRobots, scope, maxBytes, truncateAtCap,
                maxRedirects, headers);
    }

    public FetchRequest withCheckRobots(boolean value) {
        return new FetchRequest(url, kind, method, followRedirects, conditional, value, scope, maxBytes, truncateAtCap,
                maxRedirects, headers);
    }

    public FetchRequest withMethod(String value) {
        return new FetchRequest(url, kind, value, followRedirects, conditional, checkRobots, scope, maxBytes,
                truncateAtCap, maxRedirects, headers);
    }

    public FetchRequest withMaxBytes(long value, boolean truncate) {
        return new FetchRequest(url, kind, method, followRedirects, conditional, checkRobots, scope, value, truncate,
                maxRedirects, headers);
    }

    public FetchRequest withMaxRedirects(int value) {
        return new FetchRequest(url, kind, method, followRedirects, conditional, checkRobots, scope, maxBytes,
                truncateAtCap, value, headers);
    }

    public FetchRequest withUrl(WebUrl value) {
        return new FetchRequest(value, kind, method, followRedirects, conditional, checkRobots, scope, maxBytes,
                truncateAtCap, maxRedirects, headers);
    }

    /** The same request with these extra headers (replacing any set before). */
    public FetchRequest withHeaders(Map<String, String> value) {
        return new FetchRequest(url, kind, method, followRedirects, conditional, checkRobots, scope, maxBytes,
                truncateAtCap, maxRedirects, value);
    }
}
