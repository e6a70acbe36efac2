package io.crawlseq.crawler.gazetteer;

/** The level of a {@link Place}. */
public enum PlaceKind {
    COUNTRY,
    /** First-level division below a country (US state, Australian state, English region...). */
    ADMIN1,
    CITY,
    /** Continents, UN regions, news regions, compounds like "US & Canada". */
    WORLD_REGION
}
