package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.hubs.HubKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A URL pattern learned from a site's verified hubs: where the hubs are ({@link UrlTemplate}), how
 * many hubs follow it, and how the site writes names in it.
 *
 * @param template    where the place's segment goes
 * @param level       country hubs, or hubs below country level (regions and cities share patterns)
 * @param support     verified hubs that follow the pattern
 * @param styles      slug styles with the number of those hubs each explains, best first
 * @param kinds       hubs per kind among the supporting ones (wire names)
 * @param regions     for {@link UrlTemplate.Parent#REGION}: the region segments seen, with the region they name
 * @param scopeIso2   for a fixed parent below country level ({@code /australia-news/{slug}}): the one
 *                    country its hubs are in, else null (applies to any country)
 * @param examples    a few supporting hub paths
 */
public record LearnedPattern(UrlTemplate template, Level level, int support, List<StyleSupport> styles,
                             Map<String, Integer> kinds, List<RegionSlug> regions, String scopeIso2,
                             List<String> examples) {

    public enum Level { COUNTRY, SUBNATIONAL }

    /** How many supporting hubs a slug style explains. */
    public record StyleSupport(SlugStyle style, int count) {
    }

    /** A region segment seen in a {@link UrlTemplate.Parent#REGION} pattern. */
    public record RegionSlug(String slug, String placeId, int count) {
    }

    public LearnedPattern {
        styles = List.copyOf(styles);
        kinds = Map.copyOf(kinds);
        regions = List.copyOf(regions);
        examples = List.copyOf(examples);
    }

    /** The style that explains most supporting hubs among those that can predict, else the first. */
    public SlugStyle bestStyle() {
        List<StyleSupport> predictive = predictiveStyles();
        return predictive.isEmpty() ? styles.get(0).style() : predictive.get(0).style();
    }

    /** Styles that can predict, best first. */
    public List<StyleSupport> predictiveStyles() {
        List<StyleSupport> out = new ArrayList<>();
        for (StyleSupport s : styles) {
            if (s.style().predictive()) {
                out.add(s);
            }
        }
        return out;
    }

    /** As reported: {@code /world/{name-kebab}}. */
    public String text() {
        return template.text(bestStyle());
    }

    /** The kind most of its hubs have (for reporting). */
    public HubKind kind() {
        return kinds.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey,
                        Comparator.reverseOrder()))
                .map(e -> HubKind.fromWireName(e.getKey())).orElse(HubKind.COUNTRY);
    }

    /** Whether the pattern may place a hub of this kind in this country. */
    public boolean appliesTo(HubKind kind, String iso2) {
        Level wanted = kind == HubKind.COUNTRY ? Level.COUNTRY : Level.SUBNATIONAL;
        return level == wanted && (scopeIso2 == null || scopeIso2.equals(iso2));
    }
}
