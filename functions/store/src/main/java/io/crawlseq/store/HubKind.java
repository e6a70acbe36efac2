package io.crawlseq.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of hub-like pages, with the names used in command results ({@code ResultTypes.HUB_KIND} of the
 * command registry; a test keeps the two in step). Author and tag pages are recorded with their own kind,
 * never reported as hubs.
 */
public enum HubKind {
    COUNTRY("country"),
    REGION("region"),
    CITY("city"),
    PLACE("place"),
    TOPIC("topic"),
    PLACE_TOPIC("placeTopic"),
    AUTHOR("author"),
    TAG("tag");

    private final String wireName;

    HubKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in command results and in the store. */
    public String wireName() {
        return wireName;
    }

    public static Optional<HubKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
