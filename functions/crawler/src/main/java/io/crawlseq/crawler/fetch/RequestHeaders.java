package io.crawlseq.crawler.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which extra request headers ({@link FetchRequest#headers()}) the fetcher sends. It keeps control of
 * the headers its own guarantees rest on: who it says it is (User-Agent, which robots.txt is matched
 * against), what it can decode (Accept-Encoding), where the request goes (Host) and how the message
 * is framed (hop-by-hop and length headers). Names must be HTTP tokens and values printable, so a
 * value cannot smuggle a second header.
 */
final class RequestHeaders {

    private static final Set<String> RESERVED = Set.of("user-agent", "accept-encoding", "host", "connection",
            "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "content-length",
            "expect", "http2-settings");

    private RequestHeaders() {
    }

    /** Why these headers cannot be sent, if they cannot. */
    static Optional<String> problem(Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (name.isEmpty() || !name.chars().allMatch(RequestHeaders::isTokenChar)) {
                return Optional.of("request header name '" + visible(name) + "' is not an HTTP token");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of("request header '" + name + "' is set by the crawler and cannot be replaced");
            }
            if (!header.getValue().chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f)) {
                return Optional.of("request header '" + name + "' has a control or non-ASCII character in its value");
            }
        }
        return Optional.empty();
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String visible(String text) {
        String shortened = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
