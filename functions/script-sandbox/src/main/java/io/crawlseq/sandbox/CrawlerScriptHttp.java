package io.crawlseq.sandbox;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.fetch.ContentKind;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A script's {@code http.get} through the crawler: robots.txt, per-host politeness and retries, the
 * SSRF guard with address pinning on every redirect hop, the allow-list, the byte and time caps of
 * the crawler's configuration. Runs in the parent JVM, as every {@link ScriptHttp} does.
 *
 * <p>How crawler outcomes reach the script:
 * <ul>
 *   <li>any HTTP response ({@code ok}, {@code not-modified}, {@code client-error}, {@code server-error})
 *       is a response with its status, as the script API promises; the crawler reads bodies of
 *       successful responses only, so a 4xx/5xx or 304 response has an empty body;</li>
 *   <li>{@code blocked-by-policy} (a non-public or metadata address, also after a redirect; a header
 *       the crawler keeps for itself) is a security refusal;</li>
 *   <li>everything else (timeout, too large, robots.txt, network failure, redirect loop) is a network
 *       refusal with the crawler's outcome and, when one arrived, the status.</li>
 * </ul>
 * Content of any type is fetched (scripts read JSON as well as HTML); requests are never
 * conditional (a script always gets the body, unless it sends its own validators).
 *
 * <pre>{@code
 * try (CrawlerScriptHttp http = CrawlerScriptHttp.open(CrawlerConfig.defaults().allowList(allow));
 *      ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().http(http))) { ... }
 * }</pre>
 */
public final class CrawlerScriptHttp implements ScriptHttp, AutoCloseable {

    /** Refusal codes ({@link FetchOutcome.Refused#outcome()}) this adapter produces. */
    public static final String BLOCKED_BY_POLICY = "BLOCKED_BY_POLICY";
    public static final String ROBOTS_DISALLOWED = "ROBOTS_DISALLOWED";
    public static final String INVALID_URL = "INVALID_URL";

    private final Crawler crawler;
    private final boolean ownsCrawler;

    private CrawlerScriptHttp(Crawler crawler, boolean ownsCrawler) {
        this.crawler = Objects.requireNonNull(crawler, "crawler");
        this.ownsCrawler = ownsCrawler;
    }

    /** An adapter with a crawler of its own (closed with the adapter). */
    public static CrawlerScriptHttp open(CrawlerConfig config) {
        return new CrawlerScriptHttp(Crawler.create(config), true);
    }

    /** An adapter over a crawler the caller owns and closes. */
    public static CrawlerScriptHttp over(Crawler crawler) {
        return new CrawlerScriptHttp(crawler, false);
    }

    public Crawler crawler() {
        return crawler;
    }

    @Override
    public FetchOutcome get(FetchRequest request) {
        // Both parsers must accept the URL: the crawler's decides what is fetched, the JDK's what can be sent.
        UrlResult parsed = UrlParser.parse(request.url());
        if (parsed instanceof UrlResult.Invalid invalid) {
            return new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK, INVALID_URL, invalid.message(), null);
        }
        try {
            new URI(request.url());
        } catch (URISyntaxException e) {
            return new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK, INVALID_URL,
                    "not a valid URL: " + e.getReason(), null);
        }
        FetchResult result = crawler.fetch(io.crawlseq.crawler.fetch.FetchRequest
                .of(parsed.orElseThrow(), ContentKind.ANY)
                .withConditional(false)
                .withHeaders(request.headers()));
        return outcomeOf(result);
    }

    static FetchOutcome outcomeOf(FetchResult result) {
        Integer status = result.status() > 0 ? result.status() : null;
        return switch (result.outcome()) {
            case OK -> new FetchOutcome.Fetched(result.status(), result.finalUrl(), headersOf(result), result.text());
            case NOT_MODIFIED, CLIENT_ERROR, SERVER_ERROR ->
                    new FetchOutcome.Fetched(result.status(), result.finalUrl(), headersOf(result), "");
            case BLOCKED_BY_POLICY -> new FetchOutcome.Refused(FetchOutcome.RefusalKind.SECURITY, BLOCKED_BY_POLICY,
                    result.detail(), status);
            case BLOCKED_BY_ROBOTS -> new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK, ROBOTS_DISALLOWED,
                    result.detail(), status);
            case REDIRECT, TIMEOUT, TOO_LARGE, NETWORK_ERROR -> new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK,
                    result.outcome().name(), result.detail(), status);
        };
    }

    /** Lower-case names; repeated headers joined with ", " as HTTP allows for lists. */
    private static Map<String, String> headersOf(FetchResult result) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            headers.put(header.getKey(), String.join(", ", header.getValue()));
        }
        return headers;
    }

    @Override
    public void close() {
        if (ownsCrawler) {
            crawler.close();
        }
    }
}
