package io.crawlseq.crawler.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An http(s) URL split into its components. Produced by {@link UrlParser} and rewritten by the
 * {@link UrlRule}s of a {@link UrlNormalizer}; {@link #toString()} gives the URL text.
 *
 * @param scheme   {@code http} or {@code https} (lower case after normalisation)
 * @param userInfo text before {@code @} in the authority, or null
 * @param host     host name, IPv4 dotted quad, or IPv6 text without brackets
 * @param port     explicit port, or -1 when the URL has none
 * @param path     path, possibly empty, always starting with {@code /} when not empty
 * @param query    text after {@code ?} without it, or null when the URL has no {@code ?}
 * @param fragment text after {@code #} without it, or null
 */
public record WebUrl(String scheme, String userInfo, String host, int port, String path, String query,
                     String fragment) {

    public WebUrl withScheme(String value) {
        return new WebUrl(value, userInfo, host, port, path, query, fragment);
    }

    public WebUrl withUserInfo(String value) {
        return new WebUrl(scheme, value, host, port, path, query, fragment);
    }

    public WebUrl withHost(String value) {
        return new WebUrl(scheme, userInfo, value, port, path, query, fragment);
    }

    public WebUrl withPort(int value) {
        return new WebUrl(scheme, userInfo, host, value, path, query, fragment);
    }

    public WebUrl withPath(String value) {
        return new WebUrl(scheme, userInfo, host, port, value, query, fragment);
    }

    public WebUrl withQuery(String value) {
        return new WebUrl(scheme, userInfo, host, port, path, value, fragment);
    }

    public WebUrl withFragment(String value) {
        return new WebUrl(scheme, userInfo, host, port, path, query, value);
    }

    /** The default port of the scheme: 443 for https, 80 otherwise. */
    public int defaultPort() {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** The port a connection goes to. */
    public int effectivePort() {
        return port < 0 ? defaultPort() : port;
    }

    public boolean isIpv6Host() {
        return host.indexOf(':') >= 0;
    }

    /** Host as written in a URL: IPv6 addresses get brackets. */
    public String hostForUrl() {
        return isIpv6Host() ? "[" + host + "]" : host;
    }

    /** {@code host[:port]} as in the URL (port only when explicit). */
    public String authority() {
        return port < 0 ? hostForUrl() : hostForUrl() + ":" + port;
    }

    /** Scheme, host and effective port: the unit robots.txt applies to (RFC 9309 §2.3). */
    public String origin() {
        String base = scheme.toLowerCase(Locale.ROOT) + "://" + hostForUrl();
        return port < 0 || port == defaultPort() ? base : base + ":" + port;
    }

    /** Path plus query: what goes on the request line. */
    public String pathAndQuery() {
        String p = path.isEmpty() ? "/" : path;
        return query == null ? p : p + "?" + query;
    }

    /** Non-empty path segments, still percent-encoded. {@code /world/europe/} gives [world, europe]. */
    public List<String> pathSegments() {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme.length() + host.length() + path.length() + 16);
        sb.append(scheme).append("://");
        if (userInfo != null) {
            sb.append(userInfo).append('@');
        }
        sb.append(authority()).append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
