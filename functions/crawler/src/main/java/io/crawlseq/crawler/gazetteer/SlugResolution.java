package io.crawlseq.crawler.gazetteer;

import java.util.List;
import java.util.Optional;

/**
 * The places a path segment may name, best first.
 *
 * @param segment    the segment as given
 * @param slug       its slug form after removing a decoration ({@code us-news} gives {@code us})
 * @param decoration the decoration removed ({@code -news}), or ""
 * @param candidates ranked candidates (empty: no place)
 */
public record SlugResolution(String segment, String slug, String decoration, List<PlaceMatch> candidates) {

    public SlugResolution {
        candidates = List.copyOf(candidates);
    }

    public Optional<PlaceMatch> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** More than one place scores within 20% of the best. */
    public boolean ambiguous() {
        return candidates.size() > 1 && candidates.get(1).score() >= candidates.get(0).score() * 0.8;
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
