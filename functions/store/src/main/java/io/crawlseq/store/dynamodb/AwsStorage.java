package io.crawlseq.store.dynamodb;

import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.tables.TableNames;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Storage for the Lambdas, configured from their environment: the table variables of
 * {@link io.crawlseq.store.tables.StoreTable}, {@value #RESULTS_BUCKET} for blobs, optional
 * {@value #RUN_RETENTION_DAYS}. Clients use the small URLConnection HTTP client and the default
 * region/credentials chain (the Lambda environment). Build it once per container, outside the handler.
 */
public final class AwsStorage {

    public static final String RESULTS_BUCKET = "RESULTS_BUCKET";
    public static final String RUN_RETENTION_DAYS = "RUN_RETENTION_DAYS";

    private AwsStorage() {
    }

    /** @throws IllegalStateException naming the missing environment variables */
    public static Storage fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment,
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /**
     * As {@link #fromEnvironment(Map)}, over clients the caller built (e.g. with SnapStart priming or
     * an endpoint override); the caller owns them.
     *
     * @throws IllegalStateException naming the missing environment variables
     */
    public static Storage fromEnvironment(Map<String, String> environment, DynamoDbClient dynamoDb, S3Client s3) {
        TableNames tables = TableNames.fromEnvironment(environment);
        String bucket = environment.get(RESULTS_BUCKET);
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("missing environment variable " + RESULTS_BUCKET);
        }
        StoreSettings settings = StoreSettings.defaults();
        String retention = environment.get(RUN_RETENTION_DAYS);
        if (retention != null && !retention.isBlank()) {
            settings = settings.withRunRetention(Duration.ofDays(Long.parseLong(retention.trim())));
        }
        return DynamoStorage.create(dynamoDb, tables, S3BlobStore.of(s3, bucket), settings);
    }
}
