package io.crawlseq.sandbox.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The one check of "is this an absolute http(s) URL we accept". */
public final class HttpUrls {

    public static final int MAX_URL_CHARS = 2_048;

    private HttpUrls() {
    }

    /** Why {@code url} is not an absolute http(s) URL, if it is not one. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("URL is empty");
        }
        if (url.length() > MAX_URL_CHARS) {
            return Optional.of("URL is longer than " + MAX_URL_CHARS + " characters");
        }
        try {
            URI uri = new URI(url);
            if (!isHttp(uri.getScheme())) {
                return Optional.of("'" + url + "' is not an http or https URL");
            }
            if (uri.getHost() == null) {
                return Optional.of("'" + url + "' has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a valid URL: " + e.getReason());
        }
    }

    /** Whether {@code url} names a scheme other than http(s), which no fetch may use. */
    public static boolean hasForeignScheme(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && !isHttp(scheme);
        } catch (URISyntaxException e) {
            int colon = url.indexOf(':');
            return colon > 0 && url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
                    && !isHttp(url.substring(0, colon));
        }
    }

    private static boolean isHttp(String scheme) {
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }
}
