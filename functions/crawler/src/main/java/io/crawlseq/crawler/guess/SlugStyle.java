package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.gazetteer.Place;
import io.crawlseq.crawler.gazetteer.Slugs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a site writes a place's name in a URL: the words of its name joined by hyphens
 * ({@code south-korea}), run together ({@code southkorea}), joined by underscores
 * ({@code south_korea}), possibly in reverse order ({@code korea-south}), or its ISO code
 * ({@code us}). {@link #ALT_NAME} stands for "one of its other names" ({@code czech-republic} for
 * Czechia): it explains examples but cannot predict, since which other name a site prefers is
 * not knowable from one example.
 *
 * @param source   which name
 * @param joiner   between words: "-", "" or "_"
 * @param inverted words in reverse order
 */
public record SlugStyle(Source source, String joiner, boolean inverted) {

    public enum Source { NAME, ISO2, ISO3, ALT_NAME }

    public static final SlugStyle KEBAB = new SlugStyle(Source.NAME, "-", false);
    public static final SlugStyle ALT_NAME = new SlugStyle(Source.ALT_NAME, "-", false);

    /** Every style that can predict, in the order preferred when examples cannot tell them apart. */
    public static final List<SlugStyle> PREDICTIVE = List.of(
            KEBAB, new SlugStyle(Source.NAME, "", false), new SlugStyle(Source.NAME, "_", false),
            new SlugStyle(Source.NAME, "-", true), new SlugStyle(Source.NAME, "", true),
            new SlugStyle(Source.NAME, "_", true), new SlugStyle(Source.ISO2, "", false),
            new SlugStyle(Source.ISO3, "", false));

    public boolean predictive() {
        return source != Source.ALT_NAME;
    }

    /** The slug for a place in this style; empty when the style has nothing for it (codes of a city). */
    public Optional<String> render(Place place) {
        return switch (source) {
            case NAME -> Optional.of(join(words(place.name()))).filter(s -> !s.isEmpty());
            case ISO2 -> place instanceof Place.Country c ? Optional.of(c.iso2().toLowerCase(Locale.ROOT)) : Optional.empty();
            case ISO3 -> place instanceof Place.Country c ? Optional.of(c.iso3().toLowerCase(Locale.ROOT)) : Optional.empty();
            case ALT_NAME -> Optional.empty();
        };
    }

    /** The slug of a name in this style's joiner and order (for {@link Source#NAME}). */
    String renderName(String name) {
        return join(words(name));
    }

    private String join(List<String> words) {
        List<String> ordered = new ArrayList<>(words);
        if (inverted) {
            Collections.reverse(ordered);
        }
        return String.join(joiner, ordered);
    }

    private static List<String> words(String name) {
        String slug = Slugs.slugify(name);
        return slug.isEmpty() ? List.of() : List.of(slug.split("-"));
    }

    /** How the placeholder reads in a reported pattern: {@code {name-kebab}}, {@code {iso2}}. */
    public String placeholder() {
        return switch (source) {
            case ISO2 -> "{iso2}";
            case ISO3 -> "{iso3}";
            case ALT_NAME -> "{other-name}";
            case NAME -> "{name-" + (joiner.equals("-") ? "kebab" : joiner.isEmpty() ? "joined" : "snake")
                    + (inverted ? "-inverted" : "") + "}";
        };
    }
}
