package io.crawlseq.store;

import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.Objects;

/** An article as stored: the latest metadata plus when it was first and last seen, and by which run. */
public record StoredArticle(SiteId site, Article article, Instant firstSeen, Instant lastSeen, String lastRunId) {

    public StoredArticle {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(article, "article");
        firstSeen = Instants.millis(firstSeen);
        lastSeen = Instants.millis(lastSeen);
        Objects.requireNonNull(lastRunId, "lastRunId");
    }
}
