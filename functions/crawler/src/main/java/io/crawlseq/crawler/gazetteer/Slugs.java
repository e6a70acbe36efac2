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
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EXTENSION = Pattern.compile("\\.(html?|php|aspx?|jsp|shtml|cms)$");

    private Slugs() {
    }

    /** The main slug of a name. */
    public static String slugify(String name) {
        return slug(name, "");
    }

    private static String slug(String name, String apostrophe) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        s = s.replace("'", apostrophe).replace("’", apostrophe).replace("ʻ", apostrophe).replace("`", apostrophe);
        s = NON_ALNUM.matcher(s).replaceAll("-");
        return trimHyphens(s);
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
        return slug(s.replace('_', '-').replace('+', '-').replace('.', '-'), "");
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
