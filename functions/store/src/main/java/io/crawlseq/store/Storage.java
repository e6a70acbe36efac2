package io.crawlseq.store;

import io.crawlseq.store.blob.BlobStore;
import java.util.Objects;

/**
 * Every store the system uses, as one value to pass around. Build it with
 * {@code DynamoStorage.create(...)}, {@code AwsStorage.fromEnvironment(...)} (Lambdas) or
 * {@code LocalStores.open(dataDir)} (the CLI).
 */
public record Storage(SequenceRegistry registry, RunHistory runs, MetricsStore metrics, CrawlResults crawl,
                      ContinuationStore continuations, BlobStore blobs) {

    public Storage {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(crawl, "crawl");
        Objects.requireNonNull(continuations, "continuations");
        Objects.requireNonNull(blobs, "blobs");
    }
}
