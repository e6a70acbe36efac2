package io.crawlseq.crawler.gazetteer;

import java.util.List;
import java.util.Set;

/**
 * What is known around a slug when deciding which place it means.
 *
 * @param parents       places named by earlier path segments, outermost first ({@code /world/europe/france}
 *                      gives [Europe] for {@code france}; {@code /us-news/georgia} gives [United States])
 * @param anchorText    the text of a link to the URL, or ""
 * @param expectedKinds kinds the caller looks for (empty: any)
 * @param allowCodes    accept ISO 3166 codes as slugs ({@code fr}, {@code deu}); off by default, since
 *                      {@code in}, {@code it} and {@code can} are also words
 */
public record SlugContext(List<Place> parents, String anchorText, Set<PlaceKind> expectedKinds, boolean allowCodes) {

    public SlugContext {
        parents = List.copyOf(parents);
        anchorText = anchorText == null ? "" : anchorText;
        expectedKinds = Set.copyOf(expectedKinds);
    }

    public static SlugContext none() {
        return new SlugContext(List.of(), "", Set.of(), false);
    }

    public SlugContext withParents(List<Place> value) {
        return new SlugContext(value, anchorText, expectedKinds, allowCodes);
    }

    public SlugContext withAnchorText(String value) {
        return new SlugContext(parents, value, expectedKinds, allowCodes);
    }

    public SlugContext expecting(Set<PlaceKind> kinds) {
        return new SlugContext(parents, anchorText, kinds, allowCodes);
    }

    public SlugContext withCodes(boolean value) {
        return new SlugContext(parents, anchorText, expectedKinds, value);
    }
}
