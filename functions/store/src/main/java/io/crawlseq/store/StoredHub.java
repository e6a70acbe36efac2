package io.crawlseq.store;

import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.Objects;

/** A hub as stored: the latest observation plus when it was first and last seen, and by which run. */
public record StoredHub(SiteId site, Hub hub, Instant firstSeen, Instant lastSeen, String lastRunId) {

    public StoredHub {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(hub, "hub");
        firstSeen = Instants.millis(firstSeen);
        lastSeen = Instants.millis(lastSeen);
        Objects.requireNonNull(lastRunId, "lastRunId");
    }
}
