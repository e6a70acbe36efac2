package io.crawlseq.crawler.fetch;

import io.crawlseq.crawler.guard.AllowList;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How fetches are made: who we say we are, what we may contact, and the caps on every response.
 *
 * @param userAgent       the User-Agent header; names the project and a contact URL
 * @param allowList       non-public hosts that may be contacted anyway (see {@link AllowList})
 * @param connectTimeout  cap on opening a connection
 * @param totalTimeout    cap on a whole fetch, redirects included, from first byte sent to last byte read
 * @param maxPageBytes    cap on a page body after decompression
 * @param maxSitemapBytes cap on a sitemap body after decompression (the sitemap protocol's limit is 50 MB)
 * @param maxRobotsBytes  robots.txt is read up to this size and the rest ignored (RFC 9309 asks for at least 500 KiB)
 * @param maxRedirects    redirect hops followed at most
 * @param resolver        host name resolution for the SSRF guard
 * @param sslContext      TLS settings (null: the JDK default trust store); certificates are always verified
 * @param validators      ETag / Last-Modified memory for conditional requests
 * @param http2           offer HTTP/2 on https (ALPN; falls back to HTTP/1.1). Plain http always uses HTTP/1.1
 */
public record FetchPolicy(String userAgent, AllowList allowList, Duration connectTimeout, Duration totalTimeout,
                          long maxPageBytes, long maxSitemapBytes, long maxRobotsBytes, int maxRedirects,
                          HostResolver resolver, SSLContext sslContext, ValidatorCache validators, boolean http2) {

    public static final String DEFAULT_USER_AGENT = "crawl-sequences/0.1 (+https://github.com/crawl-sequences)";

    public FetchPolicy {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(allowList, "allowList");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(validators, "validators");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxRedirects < 0 || maxPageBytes <= 0 || maxSitemapBytes <= 0 || maxRobotsBytes <= 0) {
            throw new IllegalArgumentException("caps must be positive");
        }
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(DEFAULT_USER_AGENT, AllowList.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L << 20, 50L << 20, 500L << 10, 10, HostResolver.system(), null, ValidatorCache.inMemory(10_000), true);
    }

    public FetchPolicy userAgent(String value) {
        return new FetchPolicy(value, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, sslContext, validators, http2);
    }

    public FetchPolicy allowList(AllowList value) {
        return new FetchPolicy(userAgent, value, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, sslContext, validators, http2);
    }

    public FetchPolicy timeouts(Duration connect, Duration total) {
        return new FetchPolicy(userAgent, allowList, connect, total, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, sslContext, validators, http2);
    }

    public FetchPolicy maxBytes(long page, long sitemap, long robots) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, page, sitemap,
                robots, maxRedirects, resolver, sslContext, validators, http2);
    }

    public FetchPolicy maxRedirects(int value) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, value, resolver, sslContext, validators, http2);
    }

    public FetchPolicy resolver(HostResolver value) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, value, sslContext, validators, http2);
    }

    public FetchPolicy sslContext(SSLContext value) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, value, validators, http2);
    }

    public FetchPolicy validators(ValidatorCache value) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, sslContext, value, http2);
    }

    public FetchPolicy http2(boolean value) {
        return new FetchPolicy(userAgent, allowList, connectTimeout, totalTimeout, maxPageBytes, maxSitemapBytes,
                maxRobotsBytes, maxRedirects, resolver, sslContext, validators, value);
    }

    /** The byte cap for a kind of content. */
    public long maxBytes(ContentKind kind) {
        return switch (kind) {
            case PAGE, ANY -> maxPageBytes;
            case SITEMAP -> maxSitemapBytes;
            case ROBOTS -> maxRobotsBytes;
        };
    }
}
