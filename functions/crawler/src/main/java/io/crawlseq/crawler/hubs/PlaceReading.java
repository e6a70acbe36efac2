package io.crawlseq.crawler.hubs;

import io.crawlseq.crawler.gazetteer.Place;
import io.crawlseq.crawler.gazetteer.PlaceMatch;
import io.crawlseq.crawler.gazetteer.SlugResolution;
import java.util.List;

/**
 * The place a URL's last path segment names, read with the places of the earlier segments as context.
 *
 * @param match      the best candidate
 * @param resolution all candidates for the last segment
 * @param parents    places named by earlier segments, outermost first
 */
public record PlaceReading(PlaceMatch match, SlugResolution resolution, List<Place> parents) {

    public Place place() {
        return match.place();
    }
}
