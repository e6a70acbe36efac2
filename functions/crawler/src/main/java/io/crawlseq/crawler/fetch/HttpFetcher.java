package io.crawlseq.crawler.fetch;

import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.crawler.url.CanonicalHost;
import io.crawlseq.crawler.url.DropDefaultPort;
import io.crawlseq.crawler.url.DropFragment;
import io.crawlseq.crawler.url.DropUserInfo;
import io.crawlseq.crawler.url.EmptyPathToSlash;
import io.crawlseq.crawler.url.HttpSchemeOnly;
import io.crawlseq.crawler.url.LowerCaseScheme;
import io.crawlseq.crawler.url.NormalisePercentEncoding;
import io.crawlseq.crawler.url.RemoveDotSegments;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Makes HTTP requests with the JDK {@link HttpClient} (HTTP/1.1, and HTTP/2 on https), one fetch at a
 * time per calling thread, thread-safe. It follows redirects itself, hop by hop, so every hop is
 * checked by the {@link SsrfGuard} (and its address pinned), by robots.txt and by the request's
 * scope. Bodies are decoded (gzip, deflate, br) while streaming and cut at the byte cap, and a
 * watchdog ends the fetch at the total time cap even when the server trickles bytes.
 *
 * <p>No politeness and no retries here: {@code PoliteFetcher} and the crawl loop add those.
 * Every call returns a {@link FetchResult}; exceptions mean bugs.
 */
public final class HttpFetcher implements Fetcher, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpFetcher.class.getName());

    /** Rules every hop's URL goes through so it is a valid request target (no tracking-parameter removal). */
    private static final UrlNormalizer REQUEST_URLS = new UrlNormalizer(List.of(new HttpSchemeOnly(),
            new LowerCaseScheme(), new DropUserInfo(), new CanonicalHost(), new DropDefaultPort(),
            new NormalisePercentEncoding(), new RemoveDotSegments(), new EmptyPathToSlash(), new DropFragment()));

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crawler-fetch-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static final int MAX_HEADERS = 200;
    private static volatile boolean pinningWarned;

    private final FetchPolicy policy;
    private final CrawlClock clock;
    private final RobotsGate robots;
    private final SsrfGuard guard;
    private final HttpClient client;
    private final boolean ownsClient;

    /** A fetcher with its own HTTP client (and connection pool); close it when done. */
    public HttpFetcher(FetchPolicy policy, CrawlClock clock, RobotsGate robots) {
        this(policy, clock, robots, newClient(policy), true);
    }

    private HttpFetcher(FetchPolicy policy, CrawlClock clock, RobotsGate robots, HttpClient client, boolean ownsClient) {
        this.policy = policy;
        this.clock = clock;
        this.robots = robots == null ? RobotsGate.ALLOW_ALL : robots;
        this.guard = new SsrfGuard(policy.allowList(), policy.resolver());
        this.client = client;
        this.ownsClient = ownsClient;
        if (!pinningWarned && !AddressPins.isActive()) {
            pinningWarned = true;
            LOG.log(System.Logger.Level.WARNING, "DNS address pinning is not active (the resolver provider was not "
                    + "loaded); connections rely on the JDK DNS cache to reach the checked address");
        }
    }

    private static HttpClient newClient(FetchPolicy policy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                .version(policy.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (policy.sslContext() != null) {
            builder.sslContext(policy.sslContext());
        }
        return builder.build();
    }

    /** A fetcher sharing this one's HTTP client and policy, with a different robots gate. Closing it does nothing. */
    public HttpFetcher withRobots(RobotsGate gate) {
        return new HttpFetcher(policy, clock, gate, client, false);
    }

    public FetchPolicy policy() {
        return policy;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        return new Fetch(request).run();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /**
     * Maps a final (non-redirect) status to an outcome. Why each range maps as it does:
     * <ul>
     *   <li>2xx: the server produced the resource; even 203/206 carry usable content.</li>
     *   <li>304: only meaningful to a conditional request; the cached copy is current.</li>
     *   <li>3xx other than redirects (300 without Location, 305, 306): nothing to read, nothing to follow.</li>
     *   <li>4xx: the URL or request is at fault; retrying will not help except 408 and 429 (see {@link #isRetryable}).</li>
     *   <li>5xx: the server failed; 500/502/503/504 are usually temporary.</li>
     *   <li>anything else is not HTTP as we know it: a network-level problem.</li>
     * </ul>
     */
    static FetchOutcome outcomeOf(int status) {
        if (status >= 200 && status < 300) {
            return FetchOutcome.OK;
        }
        if (status == 304) {
            return FetchOutcome.NOT_MODIFIED;
        }
        if (status >= 300 && status < 400) {
            return FetchOutcome.REDIRECT;
        }
        if (status >= 400 && status < 500) {
            return FetchOutcome.CLIENT_ERROR;
        }
        if (status >= 500 && status < 600) {
            return FetchOutcome.SERVER_ERROR;
        }
        return FetchOutcome.NETWORK_ERROR;
    }

    /** 408/429 ask us to come back; 500/502/503/504 are the usual transient server states. 501/505 are permanent. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308 || status == 300;
    }

    /** The state of one fetch (one request plus its redirects). */
    private final class Fetch {
        private final FetchRequest request;
        private final long startNanos = System.nanoTime();
        private final long deadlineNanos;
        private final Instant startedAt;
        private final List<Hop> chain = new ArrayList<>();
        private long wireBytes;
        private long bodyBytes;

        Fetch(FetchRequest request) {
            this.request = request;
            this.deadlineNanos = startNanos + policy.totalTimeout().toNanos();
            this.startedAt = clock.instant();
        }

        FetchResult run() {
            UrlResult first = REQUEST_URLS.normalize(request.url());
            if (!(first instanceof UrlResult.Valid valid)) {
                return end(FetchOutcome.BLOCKED_BY_POLICY, request.url().toString(), 0, Map.of(), "",
                        ((UrlResult.Invalid) first).message(), false, null, null);
            }
            Optional<String> headerProblem = RequestHeaders.problem(request.headers());
            if (headerProblem.isPresent()) {
                return end(FetchOutcome.BLOCKED_BY_POLICY, request.url().toString(), 0, Map.of(), "",
                        headerProblem.get(), false, null, null);
            }
            WebUrl current = valid.url();
            Set<String> visited = new HashSet<>();
            int maxRedirects = request.maxRedirects() >= 0 ? request.maxRedirects() : policy.maxRedirects();
            while (true) {
                visited.add(current.toString());
                FetchResult refused = checkHop(current);
                if (refused != null) {
                    return refused;
                }
                Exchange exchange = exchange(current);
                if (exchange.failure != null) {
                    return exchange.failure;
                }
                HttpResponse<InputStream> response = exchange.response;
                int status = response.statusCode();
                Map<String, List<String>> headers = headersOf(response);
                String location = response.headers().firstValue("location").orElse(null);
                String version = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
                chain.add(new Hop(current.toString(), status, isRedirect(status) ? location : null, version));
                if (isRedirect(status) && location != null) {
                    closeQuietly(response.body());
                    if (!request.followRedirects()) {
                        return end(FetchOutcome.REDIRECT, current.toString(), status, headers, "",
                                "redirect to " + location + " not followed", false, null, null);
                    }
                    UrlResult next = UrlParser.resolve(current, location);
                    if (next instanceof UrlResult.Valid v) {
                        next = REQUEST_URLS.normalize(v.url());
                    }
                    if (!(next instanceof UrlResult.Valid nextValid)) {
                        return end(FetchOutcome.REDIRECT, current.toString(), status, headers, "",
                                "unusable Location '" + location + "': " + ((UrlResult.Invalid) next).problem().description(),
                                false, null, null);
                    }
                    if (visited.contains(nextValid.url().toString())) {
                        return end(FetchOutcome.REDIRECT, current.toString(), status, headers, "",
                                "redirect loop back to " + nextValid.url(), false, null, null);
                    }
                    if (chain.size() > maxRedirects) {
                        return end(FetchOutcome.REDIRECT, current.toString(), status, headers, "",
                                "more than " + maxRedirects + " redirects", false, null, null);
                    }
                    current = nextValid.url();
                    continue;
                }
                return finish(current, response, status, headers);
            }
        }

        /** The policy checks made before any byte is sent to a hop: scope, SSRF guard, robots.txt. */
        private FetchResult checkHop(WebUrl url) {
            String prefix = chain.isEmpty() ? "" : "redirect to " + url + " refused: ";
            if (!chain.isEmpty() && request.scope() != null && !request.scope().test(url)) {
                return end(FetchOutcome.BLOCKED_BY_POLICY, url.toString(), 0, Map.of(), "",
                        prefix + "outside the crawl scope", false, null, null);
            }
            SsrfGuard.Verdict verdict = guard.check(url);
            if (verdict instanceof SsrfGuard.Refused refused) {
                return end(FetchOutcome.BLOCKED_BY_POLICY, url.toString(), 0, Map.of(), "",
                        prefix + refused.reason(), false, null, null);
            }
            if (verdict instanceof SsrfGuard.Unresolvable unresolvable) {
                return end(FetchOutcome.NETWORK_ERROR, url.toString(), 0, Map.of(), "",
                        unresolvable.reason(), false, null, null);
            }
            if (request.checkRobots() && !robots.allows(url)) {
                return end(FetchOutcome.BLOCKED_BY_ROBOTS, url.toString(), 0, Map.of(), "",
                        (chain.isEmpty() ? "" : "redirect to " + url + ": ") + "disallowed by robots.txt", false, null, null);
            }
            return null;
        }

        private record Exchange(HttpResponse<InputStream> response, FetchResult failure) {
        }

        private Exchange exchange(WebUrl url) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return new Exchange(null, timeout(url.toString(), 0, "total time cap reached before the request"));
            }
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create(url.toString()));
            } catch (IllegalArgumentException e) {
                return new Exchange(null, end(FetchOutcome.BLOCKED_BY_POLICY, url.toString(), 0, Map.of(), "",
                        "URL cannot be requested: " + e.getMessage(), false, null, null));
            }
            builder.timeout(Duration.ofNanos(remaining))
                    .method(request.method(), HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", policy.userAgent())
                    .header("Accept", request.kind().acceptHeader())
                    .header("Accept-Encoding", ContentDecoding.ACCEPT_ENCODING)
                    .version(url.scheme().equals("https") && policy.http2()
                            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
            if (request.conditional()) {
                policy.validators().get(url.toString()).ifPresent(v -> {
                    if (v.etag() != null) {
                        builder.header("If-None-Match", v.etag());
                    }
                    if (v.lastModified() != null) {
                        builder.header("If-Modified-Since", v.lastModified());
                    }
                });
            }
            request.headers().forEach(builder::setHeader);
            CompletableFuture<HttpResponse<InputStream>> future =
                    client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try {
                return new Exchange(future.get(remaining, TimeUnit.NANOSECONDS), null);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new Exchange(null, timeout(url.toString(), 0, "no response within the total time cap"));
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new Exchange(null, end(FetchOutcome.NETWORK_ERROR, url.toString(), 0, Map.of(), "",
                        "interrupted", true, null, null));
            } catch (ExecutionException e) {
                return new Exchange(null, networkFailure(url.toString(), e.getCause()));
            }
        }

        private FetchResult networkFailure(String url, Throwable cause) {
            if (cause instanceof HttpConnectTimeoutException) {
                return timeout(url, 0, "connect timed out");
            }
            if (cause instanceof HttpTimeoutException) {
                return timeout(url, 0, "no response within the total time cap");
            }
            if (cause instanceof ConnectException) {
                return end(FetchOutcome.NETWORK_ERROR, url, 0, Map.of(), "", "connection refused", true, null, null);
            }
            if (cause instanceof SSLException) {
                // a certificate or handshake problem does not fix itself in a second
                return end(FetchOutcome.NETWORK_ERROR, url, 0, Map.of(), "", "TLS: " + cause.getMessage(), false, null, null);
            }
            String message = cause == null ? "unknown" : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return end(FetchOutcome.NETWORK_ERROR, url, 0, Map.of(), "", message, true, null, null);
        }

        private FetchResult finish(WebUrl url, HttpResponse<InputStream> response, int status,
                                   Map<String, List<String>> headers) {
            String contentTypeHeader = response.headers().firstValue("content-type").orElse(null);
            String mime = Charsets.mimeType(contentTypeHeader);
            FetchOutcome outcome = outcomeOf(status);
            Duration retryAfter = response.headers().firstValue("retry-after")
                    .flatMap(v -> RetryAfter.parse(v, clock.instant())).orElse(null);
            if (outcome != FetchOutcome.OK) {
                closeQuietly(response.body());
                String detail = outcome == FetchOutcome.REDIRECT ? "redirect status without Location" : "HTTP " + status;
                return end(outcome, url.toString(), status, headers, mime, detail,
                        outcome != FetchOutcome.REDIRECT && isRetryable(status), retryAfter, null);
            }
            if (!request.kind().accepts(mime)) {
                closeQuietly(response.body());
                return end(FetchOutcome.BLOCKED_BY_POLICY, url.toString(), status, headers, mime,
                        "content type " + mime + " is not accepted for " + request.kind().name().toLowerCase(Locale.ROOT),
                        false, null, null);
            }
            long cap = request.maxBytes() > 0 ? request.maxBytes() : policy.maxBytes(request.kind());
            Body body = readBody(response, cap);
            if (body.failure != null) {
                return body.failure;
            }
            if (mime.isEmpty() && request.kind() == ContentKind.PAGE && looksBinary(body.bytes)) {
                return end(FetchOutcome.BLOCKED_BY_POLICY, url.toString(), status, headers, mime,
                        "body without a content type is not text", false, null, null);
            }
            String etag = response.headers().firstValue("etag").orElse(null);
            String lastModified = response.headers().firstValue("last-modified").orElse(null);
            if (etag != null || lastModified != null) {
                policy.validators().put(url.toString(), new Validators(etag, lastModified));
            }
            Charsets.Detected charset = Charsets.detect(body.bytes, contentTypeHeader);
            return new FetchResult(request.url().toString(), FetchOutcome.OK, body.truncated ? "truncated at cap" : "",
                    chain, url.toString(), status, headers, mime, charset.charset(), body.bytes, wireBytes, bodyBytes,
                    startedAt, elapsed(), false, null);
        }

        private record Body(byte[] bytes, boolean truncated, FetchResult failure) {
        }

        /** Reads and decodes the body up to the cap, under the watchdog of the total time cap. */
        private Body readBody(HttpResponse<InputStream> response, long cap) {
            String url = chain.get(chain.size() - 1).url();
            int status = response.statusCode();
            Map<String, List<String>> headers = headersOf(response);
            String mime = Charsets.mimeType(response.headers().firstValue("content-type").orElse(null));
            InputStream rawStream = response.body();
            ContentDecoding.Counting raw = new ContentDecoding.Counting(rawStream);
            Watchdog watchdog = new Watchdog(rawStream, Thread.currentThread());
            long remaining = deadlineNanos - System.nanoTime();
            watchdog.arm(remaining);
            long decoded = 0;
            try (InputStream in = ContentDecoding.wrap(raw, response.headers().firstValue("content-encoding").orElse(null))) {
                GrowableBytes out = new GrowableBytes((int) Math.min(cap + 1, 64 * 1024));
                byte[] buffer = new byte[16 * 1024];
                while (true) {
                    int want = (int) Math.min(buffer.length, cap + 1 - decoded);
                    int n = want <= 0 ? -1 : in.read(buffer, 0, want);
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, n);
                    decoded += n;
                }
                boolean tooLarge = decoded > cap;
                watchdog.disarm();
                wireBytes += raw.count();
                bodyBytes += decoded;
                if (tooLarge && !request.truncateAtCap()) {
                    return new Body(null, false, end(FetchOutcome.TOO_LARGE, url, status, headers, mime,
                            "body larger than " + cap + " bytes after decompression", false, null, null));
                }
                return new Body(out.toArray((int) Math.min(decoded, cap)), tooLarge, null);
            } catch (IOException e) {
                boolean timedOut = watchdog.disarm();
                wireBytes += raw.count();
                bodyBytes += decoded;
                closeQuietly(rawStream);
                if (timedOut) {
                    return new Body(null, false, timeout(url, status,
                            "body not complete within the total time cap (" + decoded + " bytes read)"));
                }
                String detail = e instanceof ContentDecoding.UnsupportedEncoding ? e.getMessage()
                        : "reading body: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                return new Body(null, false, end(FetchOutcome.NETWORK_ERROR, url, status, headers, mime, detail,
                        !(e instanceof ContentDecoding.UnsupportedEncoding) && !(e instanceof java.util.zip.ZipException),
                        null, null));
            } finally {
                watchdog.disarm();
            }
        }

        private FetchResult timeout(String url, int status, String detail) {
            return end(FetchOutcome.TIMEOUT, url, status, Map.of(), "", detail, true, null, null);
        }

        private FetchResult end(FetchOutcome outcome, String finalUrl, int status, Map<String, List<String>> headers,
                                String mime, String detail, boolean retryable, Duration retryAfter, byte[] body) {
            return new FetchResult(request.url().toString(), outcome, detail, chain, finalUrl, status, headers, mime,
                    StandardCharsets.UTF_8, body, wireBytes, bodyBytes, startedAt, elapsed(), retryable, retryAfter);
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    private static Map<String, List<String>> headersOf(HttpResponse<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (headers.size() >= MAX_HEADERS) {
                break;
            }
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":")) {
                headers.put(name, List.copyOf(e.getValue()));
            }
        }
        return headers;
    }

    /** NUL bytes or a well-known binary signature in the first KiB. */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, 1024);
        if (n >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to do: the exchange is over either way
        }
    }

    /** Ends a body read at the deadline: closes the stream and interrupts the reader. */
    private static final class Watchdog {
        private final InputStream stream;
        private final Thread reader;
        private ScheduledFuture<?> task;
        private boolean armed;
        private boolean fired;

        Watchdog(InputStream stream, Thread reader) {
            this.stream = stream;
            this.reader = reader;
        }

        synchronized void arm(long nanos) {
            armed = true;
            if (nanos <= 0) {
                fire();
                return;
            }
            task = WATCHDOG.schedule(this::fire, nanos, TimeUnit.NANOSECONDS);
        }

        private synchronized void fire() {
            if (!armed) {
                return;
            }
            fired = true;
            closeQuietly(stream);
            reader.interrupt();
        }

        /** Returns whether it fired. Clears an interrupt it caused. */
        synchronized boolean disarm() {
            if (armed) {
                armed = false;
                if (task != null) {
                    task.cancel(false);
                }
                if (fired) {
                    Thread.interrupted();
                }
            }
            return fired;
        }
    }

    /** A byte buffer that grows as needed (avoids ByteArrayOutputStream's synchronisation and copy). */
    private static final class GrowableBytes {
        private byte[] data;
        private int size;

        GrowableBytes(int initial) {
            data = new byte[Math.max(initial, 16)];
        }

        void write(byte[] b, int n) {
            if (size + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            System.arraycopy(b, 0, data, size, n);
            size += n;
        }

        byte[] toArray(int length) {
            return java.util.Arrays.copyOf(data, Math.min(length, size));
        }
    }
}
