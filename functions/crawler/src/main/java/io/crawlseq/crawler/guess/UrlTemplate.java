package io.crawlseq.crawler.guess;

import java.util.Objects;

/**
 * Where a site puts a place's hub, as a path with the place's slug in its last segment:
 * {@code /world/{slug}}, {@code /{slug}-news}, {@code /news/world/{slug}}, under the place's
 * country hub ({@code {countryHub}/{slug}}: {@code /australia-news/sydney}, {@code /uk/london}), or
 * under a world-region segment ({@code /world/{region}/{slug}}: {@code /world/europe/france}).
 *
 * @param parent        what comes before the place's segment
 * @param parentPath    for {@link Parent#LITERAL}: the path before the segment ("" at the root)
 * @param regionBefore  for {@link Parent#REGION}: the path before the region segment, ending in "/"
 * @param regionAfter   for {@link Parent#REGION}: the path between the region segment and the place's ("" or "/x")
 * @param prefix        text before the slug in the segment ({@code news-}), or ""
 * @param suffix        text after it ({@code -news}), or ""
 * @param trailingSlash the site's hub URLs end in "/"
 */
public record UrlTemplate(Parent parent, String parentPath, String regionBefore, String regionAfter, String prefix,
                          String suffix, boolean trailingSlash) {

    public enum Parent {
        /** A fixed path. */
        LITERAL,
        /** The path of the place's country hub, whatever it is. */
        COUNTRY_HUB,
        /** A segment naming a world region the place's country belongs to. */
        REGION
    }

    public UrlTemplate {
        Objects.requireNonNull(parent, "parent");
        parentPath = parentPath == null ? "" : parentPath;
        regionBefore = regionBefore == null ? "" : regionBefore;
        regionAfter = regionAfter == null ? "" : regionAfter;
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    public static UrlTemplate literal(String parentPath, String prefix, String suffix, boolean trailingSlash) {
        return new UrlTemplate(Parent.LITERAL, parentPath, "", "", prefix, suffix, trailingSlash);
    }

    public static UrlTemplate underCountryHub(String prefix, String suffix, boolean trailingSlash) {
        return new UrlTemplate(Parent.COUNTRY_HUB, "", "", "", prefix, suffix, trailingSlash);
    }

    public static UrlTemplate underRegion(String before, String after, String prefix, String suffix, boolean trailingSlash) {
        return new UrlTemplate(Parent.REGION, "", before, after, prefix, suffix, trailingSlash);
    }

    /**
     * The path for a slug.
     *
     * @param countryHubPath the place's country hub's path (for {@link Parent#COUNTRY_HUB}), else ignored
     * @param regionSlug     the region segment (for {@link Parent#REGION}), else ignored
     */
    public String path(String slug, String countryHubPath, String regionSlug) {
        String base = switch (parent) {
            case LITERAL -> parentPath;
            case COUNTRY_HUB -> trim(countryHubPath);
            case REGION -> regionBefore + regionSlug + regionAfter;
        };
        return trim(base) + "/" + prefix + slug + suffix + (trailingSlash ? "/" : "");
    }

    /** As reported: {@code /world/{name-kebab}}, {@code {countryHub}/{name-kebab}}, {@code /world/{region}/{name-kebab}}. */
    public String text(SlugStyle style) {
        String base = switch (parent) {
            case LITERAL -> parentPath;
            case COUNTRY_HUB -> "{countryHub}";
            case REGION -> regionBefore + "{region}" + regionAfter;
        };
        return trim(base) + "/" + prefix + style.placeholder() + suffix + (trailingSlash ? "/" : "");
    }

    private static String trim(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
