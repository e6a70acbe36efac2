package io.crawlseq.crawler.url;

import java.util.Locale;

/**
 * A lenient parser for http(s) URLs as they appear in real pages ({@code href} values with spaces,
 * backslashes, missing slashes, stray tabs and newlines), following the WHATWG URL standard where
 * it differs from RFC 3986 for the "special" schemes, and RFC 3986 §5.2 for resolving references.
 *
 * <p>Parsing only splits and resolves: it does not change case, encoding or dot segments; that is
 * the job of the {@link UrlRule}s in a {@link UrlNormalizer}. Non-http(s) schemes
 * ({@code javascript:}, {@code mailto:}, {@code data:}, ...) are refused here because nothing in the
 * crawler can fetch them.
 */
public final class UrlParser {

    /** Longer inputs are refused: real links are far shorter, and traps are not. */
    public static final int MAX_LENGTH = 8192;

    private UrlParser() {
    }

    /** Parses an absolute URL. */
    public static UrlResult parse(String input) {
        return resolve(null, input);
    }

    /** Resolves {@code reference} (absolute or relative) against {@code base} (may be null). */
    public static UrlResult resolve(WebUrl base, String reference) {
        if (reference == null) {
            return UrlResult.invalid(UrlProblem.EMPTY, "", "");
        }
        String s = stripNoise(reference);
        if (s.length() > MAX_LENGTH) {
            return UrlResult.invalid(UrlProblem.TOO_LONG, s, s.length() + " characters");
        }
        String scheme = schemeOf(s);
        if (scheme != null) {
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (!lower.equals("http") && !lower.equals("https")) {
                return UrlResult.invalid(UrlProblem.UNSUPPORTED_SCHEME, s, lower + ":");
            }
            String rest = backslashesToSlashes(s.substring(scheme.length() + 1));
            if (!rest.startsWith("//") && base != null && base.scheme().equalsIgnoreCase(lower)) {
                // "http:page.html" relative to an http base: RFC 3986 §5.2.2 allows it (non-strict).
                return resolveReference(base, rest);
            }
            // WHATWG: a special scheme is always followed by an authority; "http:/x" means "http://x".
            String withAuthority = "//" + stripLeadingSlashes(rest);
            return absolute(lower, withAuthority, s);
        }
        if (s.isEmpty() && base == null) {
            return UrlResult.invalid(UrlProblem.EMPTY, s, "");
        }
        if (base == null) {
            return UrlResult.invalid(UrlProblem.RELATIVE_WITHOUT_BASE, s, "");
        }
        return resolveReference(base, backslashesToSlashes(s));
    }

    private static UrlResult absolute(String scheme, String hierarchical, String original) {
        Parts parts = Parts.split(hierarchical);
        return withAuthority(scheme, parts.authority, RemoveDotSegments.remove(parts.path), parts.query,
                parts.fragment, original);
    }

    private static UrlResult resolveReference(WebUrl base, String reference) {
        Parts ref = Parts.split(reference);
        if (ref.authority != null) {
            return withAuthority(base.scheme(), ref.authority, RemoveDotSegments.remove(ref.path), ref.query,
                    ref.fragment, reference);
        }
        String path;
        String query;
        if (ref.path.isEmpty()) {
            path = base.path();
            query = ref.query != null ? ref.query : base.query();
        } else if (ref.path.startsWith("/")) {
            path = RemoveDotSegments.remove(ref.path);
            query = ref.query;
        } else {
            path = RemoveDotSegments.remove(merge(base, ref.path));
            query = ref.query;
        }
        return new UrlResult.Valid(new WebUrl(base.scheme(), base.userInfo(), base.host(), base.port(), path, query,
                ref.fragment));
    }

    /** RFC 3986 §5.2.3. */
    private static String merge(WebUrl base, String relativePath) {
        if (base.path().isEmpty()) {
            return "/" + relativePath;
        }
        int slash = base.path().lastIndexOf('/');
        return base.path().substring(0, slash + 1) + relativePath;
    }

    private static UrlResult withAuthority(String scheme, String authority, String path, String query,
                                           String fragment, String original) {
        String userInfo = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
        }
        String host;
        String portText = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return UrlResult.invalid(UrlProblem.INVALID_HOST, original, "unclosed IPv6 bracket");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return UrlResult.invalid(UrlProblem.INVALID_HOST, original, "text after IPv6 address");
                }
                portText = after.substring(1);
            }
            if (host.isEmpty()) {
                return UrlResult.invalid(UrlProblem.INVALID_HOST, original, "empty IPv6 address");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portText = colon >= 0 ? hostPort.substring(colon + 1) : "";
        }
        if (host.isEmpty()) {
            return UrlResult.invalid(UrlProblem.MISSING_HOST, original, "");
        }
        int port = -1;
        if (!portText.isEmpty()) {
            if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return UrlResult.invalid(UrlProblem.INVALID_PORT, original, portText);
            }
            port = Integer.parseInt(portText);
            if (port > 65535) {
                return UrlResult.invalid(UrlProblem.INVALID_PORT, original, portText);
            }
        }
        return new UrlResult.Valid(new WebUrl(scheme, userInfo, host, port, path, query, fragment));
    }

    /** Scheme name when the input starts with one ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"}). */
    static String schemeOf(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.substring(0, i);
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** WHATWG: trim C0 controls and spaces at both ends, drop every tab and newline inside. */
    private static String stripNoise(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = null;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (sb == null) {
                    sb = new StringBuilder(end - start).append(s, start, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb != null ? sb.toString() : s.substring(start, end);
    }

    /** WHATWG: for special schemes a backslash before the query means a slash. */
    private static String backslashesToSlashes(String s) {
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        if (s.lastIndexOf('\\', end - 1) < 0) {
            return s;
        }
        return s.substring(0, end).replace('\\', '/') + s.substring(end);
    }

    private static String stripLeadingSlashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return s.substring(i);
    }

    /** A reference split per RFC 3986 appendix B. */
    private record Parts(String authority, String path, String query, String fragment) {

        static Parts split(String s) {
            String fragment = null;
            int hash = s.indexOf('#');
            if (hash >= 0) {
                fragment = s.substring(hash + 1);
                s = s.substring(0, hash);
            }
            String query = null;
            int question = s.indexOf('?');
            if (question >= 0) {
                query = s.substring(question + 1);
                s = s.substring(0, question);
            }
            String authority = null;
            if (s.startsWith("//")) {
                int slash = s.indexOf('/', 2);
                authority = slash < 0 ? s.substring(2) : s.substring(2, slash);
                s = slash < 0 ? "" : s.substring(slash);
            }
            return new Parts(authority, s, query, fragment);
        }
    }
}
