package io.crawlseq.crawler.gazetteer;

import java.util.List;

/**
 * Ranks the places a slug may mean (Georgia the country or the US state, Victoria the Australian
 * state or a Canadian city). The default is {@link ContextualResolver}; callers with better
 * knowledge (a site's verified hub patterns) plug in their own.
 */
@FunctionalInterface
public interface AmbiguityResolver {

    /** Returns the candidates with scores, best first. */
    List<PlaceMatch> rank(String slug, List<PlaceMatch> candidates, SlugContext context);
}
