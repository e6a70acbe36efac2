package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.hubs.HubKind;
import java.util.Objects;

/**
 * A hub already known on the site (found by ensureCountryHubs or ensurePlaceHubs, or an earlier
 * guess): what patterns are learned from, and what guessing skips.
 *
 * @param url        the hub's URL
 * @param kind       its kind
 * @param placeId    gazetteer id of its place, or null
 * @param iso2       its country, or null
 * @param confidence 0..1
 * @param verified   its page was fetched and is a listing
 */
public record KnownHub(String url, HubKind kind, String placeId, String iso2, double confidence, boolean verified) {

    public KnownHub {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }
}
