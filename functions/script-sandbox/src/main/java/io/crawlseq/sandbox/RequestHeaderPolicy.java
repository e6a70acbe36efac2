package io.crawlseq.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which request headers a script may set on {@code http.get}. Only content-negotiation and
 * caching headers are allowed: anything that carries credentials or identity
 * ({@code Authorization}, {@code Cookie}, {@code Proxy-*}, {@code Host}, {@code User-Agent},
 * {@code X-Forwarded-*}) would let a script exfiltrate or impersonate, so it is refused, as are
 * values with anything but printable ASCII (CR/LF would inject headers) or longer than {@value #MAX_VALUE_CHARS}
 * characters.
 */
public final class RequestHeaderPolicy {

    public static final int MAX_HEADERS = 16;
    public static final int MAX_VALUE_CHARS = 256;

    private static final Set<String> ALLOWED = Set.of("accept", "accept-language", "cache-control",
            "if-modified-since", "if-none-match", "pragma", "referer", "x-requested-with");

    private RequestHeaderPolicy() {
    }

    /** Why {@code headers} may not be sent, if they may not. */
    public static Optional<String> violation(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            return Optional.of("at most " + MAX_HEADERS + " request headers may be set");
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            Optional<String> problem = violation(header.getKey(), header.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> violation(String name, String value) {
        if (!ALLOWED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("request header '" + printable(name) + "' is not allowed; allowed: "
                    + String.join(", ", ALLOWED.stream().sorted().toList()));
        }
        if (value.length() > MAX_VALUE_CHARS) {
            return Optional.of("request header '" + name + "' is longer than " + MAX_VALUE_CHARS + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f)) {
            return Optional.of("request header '" + name + "' may contain printable ASCII only (no CR, LF or other control characters)");
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        String shortened = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
