package io.crawlseq.crawler.hubs;

/** Kinds of hub-like pages (the registry's HUB_KIND). Author and tag pages are their own kinds, never hubs. */
public enum HubKind {
    COUNTRY("country"),
    /** A first-level division (state, province) below a country. */
    REGION("region"),
    CITY("city"),
    /** A place above country level: continent, world region, countries named together ({@code /us-canada}). */
    PLACE("place"),
    TOPIC("topic"),
    /** A place and a topic together ({@code /uk/politics}). */
    PLACE_TOPIC("placeTopic"),
    AUTHOR("author"),
    TAG("tag");

    private final String wireName;

    HubKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static HubKind fromWireName(String name) {
        for (HubKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown hub kind " + name);
    }

    /** Country, region, city, place, topic, placeTopic: the kinds that are hubs. */
    public boolean isHub() {
        return this != AUTHOR && this != TAG;
    }

    public boolean isPlace() {
        return this == COUNTRY || this == REGION || this == CITY || this == PLACE;
    }
}
