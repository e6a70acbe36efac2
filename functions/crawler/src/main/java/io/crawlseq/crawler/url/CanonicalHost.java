package io.crawlseq.crawler.url;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Makes the host comparable: percent-escapes decoded, internationalised names converted to
 * punycode ({@link IDN#toASCII}), lower case, trailing dot removed ({@code example.com.} is the
 * same site), IP literals in canonical form ({@link IpLiterals}). Hosts with characters no DNS
 * name or literal can hold are refused.
 */
public final class CanonicalHost implements UrlRule {

    @Override
    public String name() {
        return "canonical-host";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        String host = url.host();
        if (host.indexOf('%') >= 0) {
            host = PercentEncoding.decodeAll(host, StandardCharsets.UTF_8);
        }
        if (host.indexOf(':') < 0) {
            if (!isAscii(host)) {
                try {
                    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return UrlResult.invalid(UrlProblem.INVALID_HOST, url.toString(), "not a valid international name");
                }
            }
            host = host.toLowerCase(Locale.ROOT);
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty()) {
                return UrlResult.invalid(UrlProblem.MISSING_HOST, url.toString(), "");
            }
        }
        IpLiterals.HostKind kind = IpLiterals.classify(host);
        if (kind instanceof IpLiterals.Malformed malformed) {
            return UrlResult.invalid(UrlProblem.INVALID_HOST, url.toString(), malformed.reason());
        }
        if (kind instanceof IpLiterals.Literal literal) {
            host = literal.canonical();
        } else if (!isValidName(host)) {
            return UrlResult.invalid(UrlProblem.INVALID_HOST, url.toString(), "character not allowed in a host name");
        }
        return new UrlResult.Valid(host.equals(url.host()) ? url : url.withHost(host));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, hyphen, underscore (seen in real subdomains) and dots; no empty labels; ≤ 253 chars. */
    private static boolean isValidName(String host) {
        if (host.length() > 253 || host.startsWith(".") || host.contains("..")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
