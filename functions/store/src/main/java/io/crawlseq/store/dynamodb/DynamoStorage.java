package io.crawlseq.store.dynamodb;

import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.BlobStore;
import io.crawlseq.store.dynamodb.internal.DynamoContinuationStore;
import io.crawlseq.store.dynamodb.internal.DynamoCrawlResults;
import io.crawlseq.store.dynamodb.internal.DynamoMetricsStore;
import io.crawlseq.store.dynamodb.internal.DynamoRunHistory;
import io.crawlseq.store.dynamodb.internal.DynamoSequenceRegistry;
import io.crawlseq.store.dynamodb.internal.JsonAttributes;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB backend: every store of {@link Storage} on the tables of {@link
 * io.crawlseq.store.tables.StoreTables}. The same code runs against DynamoDB in AWS and DynamoDB Local on
 * a laptop or in tests; only the client differs.
 *
 * <p>Uses the SDK's low-level client rather than the enhanced client: the store's writes are mostly
 * conditional updates with {@code ADD}, {@code if_not_exists} and overloaded keys, which the low-level API
 * states directly, and it keeps reflection-based bean mapping out of Lambda cold starts.
 */
public final class DynamoStorage {

    private DynamoStorage() {
    }

    /**
     * Stores on the given tables. {@code blobs} receives JSON values too large for an item and large
     * continuation states, and is the {@link Storage#blobs()} of the result.
     */
    public static Storage create(DynamoDbClient client, TableNames tables, BlobStore blobs, StoreSettings settings) {
        JsonAttributes json = new JsonAttributes(blobs, settings.inlineJsonLimitBytes());
        return new Storage(
                new DynamoSequenceRegistry(client, tables.of(StoreTable.SEQUENCES), settings),
                new DynamoRunHistory(client, tables.of(StoreTable.RUNS), settings, json),
                new DynamoMetricsStore(client, tables.of(StoreTable.METRICS), settings),
                new DynamoCrawlResults(client, tables.of(StoreTable.CRAWL_RESULTS)),
                new DynamoContinuationStore(client, tables.of(StoreTable.RUNS), settings, blobs),
                blobs);
    }
}
