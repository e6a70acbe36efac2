package io.crawlseq.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The site crawl results belong to: a lower-case host (or registrable domain, if the crawler groups by it),
 * with {@code :port} when the port is not the scheme's default (loopback fixture sites on different ports
 * are different sites).
 */
public record SiteId(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._\\-\\[\\]:]{1,300}");

    public SiteId {
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("site '" + value + "' is not a host[:port] (letters, digits, '.', '-',"
                    + " '_', IPv6 brackets; at most 300 characters)");
        }
    }

    public static SiteId of(String hostOrDomain) {
        return new SiteId(hostOrDomain);
    }

    /**
     * The site of an absolute http(s) URL: its host, plus the port when explicit and not the default.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host
     */
    public static SiteId ofUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL with a host: " + url);
        }
        String host = uri.getHost();
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort();
        return new SiteId(port == -1 || port == defaultPort ? host : host + ":" + port);
    }

    @Override
    public String toString() {
        return value;
    }
}
