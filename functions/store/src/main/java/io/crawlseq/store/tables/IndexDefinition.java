package io.crawlseq.store.tables;

import java.util.Objects;
import java.util.Optional;

/** A secondary index. All indexes project all attributes (projection type {@code ALL}). */
public record IndexDefinition(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {

    public static final String PROJECTION = "ALL";

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
    }

    public static IndexDefinition of(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        return new IndexDefinition(name, partitionKey, Optional.of(sortKey));
    }
}
