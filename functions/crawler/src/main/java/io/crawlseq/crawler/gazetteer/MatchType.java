package io.crawlseq.crawler.gazetteer;

/** Which name of a place a slug matched, and how much that is worth on its own. */
public enum MatchType {
    NAME(1.0),
    ALT_NAME(0.9),
    /** A hand-written alias (America, Britain, Holland, Middle East). */
    ALIAS(0.9),
    /** A derived short admin1 name (Tulcea for Tulcea County). */
    SHORT_NAME(0.75),
    /** Two or more countries named together ({@code us-canada}). */
    COMPOUND(0.8),
    /** One of a city's many unranked, multilingual alternate names. */
    CITY_ALT_NAME(0.45),
    ISO3(0.5),
    ISO2(0.45);

    private final double strength;

    MatchType(double strength) {
        this.strength = strength;
    }

    public double strength() {
        return strength;
    }
}
