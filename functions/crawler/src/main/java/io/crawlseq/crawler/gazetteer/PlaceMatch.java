package io.crawlseq.crawler.gazetteer;

/**
 * A place a slug may mean.
 *
 * @param place the place
 * @param via   which of its names matched
 * @param score ranking score (match strength × kind prior × context); comparable within one resolution
 */
public record PlaceMatch(Place place, MatchType via, double score) {

    public PlaceMatch withScore(double value) {
        return new PlaceMatch(place, via, value);
    }
}
