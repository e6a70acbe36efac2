package io.crawlseq.crawler.archive;

import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.Pagination;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a listing addresses its page N, read from the pagination links of its first page:
 * {@code ?page=N}, {@code /page/N}, {@code /N}, or only "older"/"next" links to follow one by one.
 *
 * @param kind      the addressing
 * @param hubUrl    page 1 of the listing
 * @param parameter the query parameter ({@code page}, {@code p}) for {@link Kind#QUERY}, the path word
 *                  ({@code page}, {@code p}) for {@link Kind#PATH_PAGE}, else ""
 */
public record PageScheme(Kind kind, String hubUrl, String parameter) {

    public enum Kind {
        /** {@code ?page=N} (or another page parameter). */
        QUERY("query"),
        /** {@code /page/N} after the listing's path. */
        PATH_PAGE("path"),
        /** {@code /N} after the listing's path. */
        PATH_NUMBER("path"),
        /** Only links to the next (older) page, which may carry cursors: pages are walked in order. */
        NEXT_LINKS("olderLink"),
        /** No pagination. */
        NONE("none");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The registry's {@code paginationStyle} value. */
        public String wireName() {
            return wireName;
        }
    }

    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "p", "pg", "pagina", "paged", "pagenum", "pageno");
    private static final Pattern PATH_WORD = Pattern.compile("^(.*?)/(page|p|pagina|seite)/(\\d{1,6})/?$");
    private static final Pattern PATH_NUMBER = Pattern.compile("^(.*?)/(\\d{1,6})/?$");

    public PageScheme {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hubUrl, "hubUrl");
        parameter = parameter == null ? "" : parameter;
    }

    public static PageScheme none(String hubUrl) {
        return new PageScheme(Kind.NONE, hubUrl, "");
    }

    /** Pages can be addressed by number (probed in any order); otherwise they are walked. */
    public boolean randomAccess() {
        return kind == Kind.QUERY || kind == Kind.PATH_PAGE || kind == Kind.PATH_NUMBER;
    }

    /**
     * Reads the scheme from page 1's pagination links. Numbered links win over plain "older" links,
     * since they allow probing any page; a next link whose URL carries no page number means the
     * pages must be walked.
     */
    public static PageScheme detect(String hubUrl, PageAnalysis firstPage) {
        WebUrl hub = UrlParser.parse(hubUrl).toOptional().orElse(null);
        if (hub == null || firstPage == null) {
            return none(hubUrl);
        }
        PageScheme walked = null;
        for (Pagination link : firstPage.listing().pagination()) {
            WebUrl next = UrlParser.parse(link.url()).toOptional().orElse(null);
            if (next == null || !next.host().equals(hub.host())) {
                continue;
            }
            PageScheme numbered = numbered(hubUrl, hub, next);
            if (numbered != null) {
                return numbered;
            }
            if (walked == null) {
                walked = new PageScheme(Kind.NEXT_LINKS, hubUrl, "");
            }
        }
        return walked != null ? walked : none(hubUrl);
    }

    /** The scheme a link to page 2+ of the hub shows, or null when it carries no page number. */
    private static PageScheme numbered(String hubUrl, WebUrl hub, WebUrl next) {
        String base = trimSlash(hub.path());
        if (next.path().equals(hub.path()) || trimSlash(next.path()).equals(base)) {
            String parameter = pageParameter(next);
            if (parameter != null) {
                return new PageScheme(Kind.QUERY, hubUrl, parameter);
            }
        }
        Matcher word = PATH_WORD.matcher(next.path());
        if (word.matches() && sameBase(word.group(1), base)) {
            return new PageScheme(Kind.PATH_PAGE, hubUrl, word.group(2).toLowerCase(Locale.ROOT));
        }
        Matcher number = PATH_NUMBER.matcher(next.path());
        if (number.matches() && sameBase(number.group(1), base) && next.query() == null) {
            return new PageScheme(Kind.PATH_NUMBER, hubUrl, "");
        }
        return null;
    }

    /** The URL of page {@code n} (1 is the hub itself); for walked schemes only page 1 is known. */
    public String urlFor(int n) {
        if (n <= 1 || !randomAccess()) {
            return hubUrl;
        }
        WebUrl hub = UrlParser.parse(hubUrl).orElseThrow();
        String base = trimSlash(hub.path());
        return switch (kind) {
            case QUERY -> hub.withQuery(withParameter(hub.query(), parameter, n)).withFragment(null).toString();
            case PATH_PAGE -> hub.withPath(prefix(base) + "/" + parameter + "/" + n).withFragment(null).toString();
            case PATH_NUMBER -> hub.withPath(prefix(base) + "/" + n).withFragment(null).toString();
            default -> hubUrl;
        };
    }

    /** The page number a URL of this listing addresses: 1 for the hub, N for page N, -1 when it is not one of its pages. */
    public int pageOf(String url) {
        WebUrl u = UrlParser.parse(url).toOptional().orElse(null);
        WebUrl hub = UrlParser.parse(hubUrl).toOptional().orElse(null);
        if (u == null || hub == null || !u.host().equals(hub.host()) || u.port() != hub.port()) {
            return -1;
        }
        String base = trimSlash(hub.path());
        if (trimSlash(u.path()).equals(base) && kind != Kind.QUERY) {
            return 1;
        }
        return switch (kind) {
            case QUERY -> trimSlash(u.path()).equals(base) ? Math.max(1, queryValue(u, parameter)) : -1;
            case PATH_PAGE -> {
                Matcher m = PATH_WORD.matcher(u.path());
                yield m.matches() && sameBase(m.group(1), base) && m.group(2).equalsIgnoreCase(parameter)
                        ? Integer.parseInt(m.group(3)) : -1;
            }
            case PATH_NUMBER -> {
                Matcher m = PATH_NUMBER.matcher(u.path());
                yield m.matches() && sameBase(m.group(1), base) ? Integer.parseInt(m.group(2)) : -1;
            }
            default -> -1;
        };
    }

    private static String pageParameter(WebUrl url) {
        if (url.query() == null) {
            return null;
        }
        for (String piece : url.query().split("&")) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                String name = piece.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = piece.substring(eq + 1);
                if (PAGE_PARAMETERS.contains(name) && isNumber(value)) {
                    return piece.substring(0, eq);
                }
            }
        }
        return null;
    }

    private static int queryValue(WebUrl url, String parameter) {
        if (url.query() == null) {
            return -1;
        }
        for (String piece : url.query().split("&")) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).equals(parameter) && isNumber(piece.substring(eq + 1))) {
                return Integer.parseInt(piece.substring(eq + 1));
            }
        }
        return -1;
    }

    /** The query with {@code parameter=n} set (replacing an earlier value), other parameters kept in order. */
    private static String withParameter(String query, String parameter, int n) {
        StringBuilder sb = new StringBuilder();
        boolean set = false;
        if (query != null && !query.isEmpty()) {
            for (String piece : query.split("&")) {
                int eq = piece.indexOf('=');
                String name = eq < 0 ? piece : piece.substring(0, eq);
                if (name.equals(parameter)) {
                    if (!set) {
                        append(sb, parameter + "=" + n);
                        set = true;
                    }
                } else if (!piece.isEmpty()) {
                    append(sb, piece);
                }
            }
        }
        if (!set) {
            append(sb, parameter + "=" + n);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String piece) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(piece);
    }

    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit);
    }

    /** The path to put {@code /page/N} after: "" for the site root. */
    private static String prefix(String base) {
        return base.equals("/") ? "" : base;
    }

    private static boolean sameBase(String matchedPrefix, String base) {
        return prefix(trimSlash(matchedPrefix.isEmpty() ? "/" : matchedPrefix)).equals(prefix(base));
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
