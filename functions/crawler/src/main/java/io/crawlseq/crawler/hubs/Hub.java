package io.crawlseq.crawler.hubs;

import java.util.List;

/**
 * A hub (or an author/tag page) found on a site.
 *
 * @param url        normalised URL
 * @param kind       what it is
 * @param iso2       ISO 3166-1 alpha-2 of the country (country hubs, and regions/cities in a country), or null
 * @param topic      topic key (a known topic like {@code politics}, or the site's own section slug), or null
 * @param name       human name (place name, or the section's anchor text)
 * @param placeId    gazetteer id ({@code country:FR}, {@code region:continent:EU}), or null
 * @param confidence 0..1, see {@link HubScoring}
 * @param verified   the page was fetched and looks like a listing
 * @param evidence   the signals that fired, strongest first
 */
public record Hub(String url, HubKind kind, String iso2, String topic, String name, String placeId, double confidence,
                  boolean verified, List<Evidence> evidence) {

    public Hub {
        evidence = List.copyOf(evidence);
    }
}
