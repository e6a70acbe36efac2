package io.crawlseq.crawler.gazetteer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL-slug forms of names: {@code Côte d'Ivoire} is {@code cote-divoire} (and {@code cote-d-ivoire}),
 * {@code Bosnia and Herzegovina} is also {@code bosnia-herzegovina}, {@code Saint Lucia} also
 * {@code st-lucia}, {@code The Gambia} also {@code gambia}, {@code Middle East} also {@code middleeast}. Path segments are reduced to the
 * same form ({@code South_Korea.html} is {@code south-korea}).
 */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EXTENSION = Pattern.compile("\\.(html?|php|aspx?|jsp|shtml|cms)$");

    private Slugs() {
    }

    /** The main slug of a name. */
    public static String slugify(String name) {
        return slug(name, "");
    }

    /** One pass over the characters; the Unicode decomposition only for non-ASCII names. */
    private static String slug(String name, String apostrophe) {
        String s = name;
        if (!isAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
            s = MARKS.matcher(s).replaceAll("");
            s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae")
                    .replace("ł", "l").replace("Ł", "l").replace("đ", "d").replace("Đ", "d").replace("ı", "i");
        }
        StringBuilder sb = new StringBuilder(s.length() + 4);
        boolean hyphen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && sb.length() > 0) {
                    sb.append('-');
                }
                hyphen = false;
                sb.append(c);
            } else if (c == '&') {
                if (sb.length() > 0) {
                    sb.append('-');
                }
                sb.append("and");
                hyphen = true;
            } else if (c == '\'' || c == '\u2019' || c == '\u02bb' || c == '`') {
                hyphen |= !apostrophe.isEmpty();
            } else {
                hyphen = true;
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Every slug a site might use for the name. */
    public static Set<String> variants(String name) {
        Set<String> variants = new LinkedHashSet<>();
        String main = slug(name, "");
        if (main.isEmpty()) {
            return variants;
        }
        variants.add(main);
        variants.add(slug(name, "-"));
        for (String v : Set.copyOf(variants)) {
            if (v.contains("-and-")) {
                variants.add(v.replace("-and-", "-"));
            }
            if (v.startsWith("the-")) {
                variants.add(v.substring(4));
            }
            if (v.startsWith("saint-")) {
                variants.add("st-" + v.substring(6));
            }
            if (v.startsWith("st-")) {
                variants.add("saint-" + v.substring(3));
            }
        }
        for (String v : Set.copyOf(variants)) {
            String joined = v.replace("-", "");
            if (!joined.equals(v) && joined.length() >= 7) {
                variants.add(joined);   // middleeast, southkorea, newzealand
            }
        }
        variants.remove("");
        return variants;
    }

    /** A URL path segment in slug form: decoded, lower case, separators as hyphens, no file extension. */
    public static String fromPathSegment(String segment) {
        String s = segment;
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
            // keep the raw segment
        }
        s = EXTENSION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return slug(s, "");
    }
}
