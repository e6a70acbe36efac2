package io.crawlseq.cli.cloud;

import io.crawlseq.cli.local.StoreOpener;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.Blob;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobMetadata;
import io.crawlseq.store.blob.BlobStore;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.dynamodb.AwsStorage;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.TableNames;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The deployed store — the tables of template.yaml in an AWS account, or those of
 * {@code crawl-sequence local-stack} — as the CLI's history, show and stats read it.
 *
 * <p>Table names: {@code --table-prefix} (template.yaml names its tables {@code <ProjectName>-runs}
 * and so on, so the default {@value TableNames#DEFAULT_PREFIX} finds a stack deployed with the default
 * project name, and the local stack's), else the functions' own variables ({@code RUNS_TABLE}, ...,
 * what {@code local-stack} prints to export) when set, else the default prefix. Endpoints:
 * {@code --endpoint-url} for DynamoDB; the SDK's own {@code AWS_ENDPOINT_URL_DYNAMODB} /
 * {@code AWS_ENDPOINT_URL_S3} work too. The results bucket ({@code --results-bucket} or
 * {@code RESULTS_BUCKET}) is only read for values too large for a table item.
 *
 * @param endpointUrl   DynamoDB endpoint override
 * @param region        AWS region (else the SDK's default chain: {@code AWS_REGION}, the profile)
 * @param profile       named profile of ~/.aws/config and credentials
 * @param tablePrefix   table name prefix
 * @param resultsBucket the results bucket
 */
public record AwsStore(Optional<URI> endpointUrl, Optional<String> region, Optional<String> profile,
                       Optional<String> tablePrefix, Optional<String> resultsBucket) {

    public AwsStore {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(resultsBucket, "resultsBucket");
    }

    /** True when something asks for the deployed store rather than the local data directory. */
    public boolean requested(Map<String, String> environment) {
        return endpointUrl.isPresent() || region.isPresent() || profile.isPresent() || tablePrefix.isPresent()
                || resultsBucket.isPresent() || environment.containsKey(StoreTable.RUNS.environmentVariable());
    }

    public TableNames tables(Map<String, String> environment) {
        if (tablePrefix.isPresent()) {
            return TableNames.withPrefix(tablePrefix.get());
        }
        if (environment.containsKey(StoreTable.RUNS.environmentVariable())) {
            return TableNames.fromEnvironment(environment);
        }
        return TableNames.defaults();
    }

    /** A short description for messages: where the history is read from. */
    public String describe(Map<String, String> environment) {
        return "tables " + tables(environment).of(StoreTable.RUNS) + " ..."
                + endpointUrl.map(u -> " at " + u).orElse(region.map(r -> " in " + r).orElse(""));
    }

    /** An open store: its clients close with it. */
    public record Opened(Storage storage, DynamoDbClient dynamoDb, Optional<S3Client> s3)
            implements StoreOpener.OpenedStore {
        @Override
        public void close() {
            dynamoDb.close();
            s3.ifPresent(S3Client::close);
        }
    }

    public Opened open(Map<String, String> environment) {
        DynamoDbClientBuilder dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        endpointUrl.ifPresent(dynamo::endpointOverride);
        region.map(Region::of).ifPresent(dynamo::region);
        profile.map(ProfileCredentialsProvider::create).ifPresent(dynamo::credentialsProvider);
        DynamoDbClient dynamoDb = dynamo.build();
        Optional<String> bucket = resultsBucket.or(() -> Optional.ofNullable(environment.get(AwsStorage.RESULTS_BUCKET)));
        Optional<S3Client> s3 = bucket.map(b -> {
            S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(Boolean.parseBoolean(environment.getOrDefault("CRAWLSEQ_S3_PATH_STYLE", "false")));
            region.map(Region::of).ifPresent(builder::region);
            profile.map(ProfileCredentialsProvider::create).ifPresent(builder::credentialsProvider);
            return builder.build();
        });
        BlobStore blobs = s3.<BlobStore>map(client -> S3BlobStore.of(client, bucket.get())).orElse(NO_BUCKET);
        return new Opened(DynamoStorage.create(dynamoDb, tables(environment), blobs, StoreSettings.defaults()), dynamoDb, s3);
    }

    /** Reads of history never need the bucket unless a value was too large for its item; then say so. */
    private static final BlobStore NO_BUCKET = new BlobStore() {
        private IllegalStateException missing() {
            return new IllegalStateException("this value is stored in the results bucket: pass --results-bucket "
                    + "(the stack's ResultsBucketName output) or set RESULTS_BUCKET");
        }

        @Override
        public void put(BlobKey key, byte[] bytes, BlobMetadata metadata) {
            throw missing();
        }

        @Override
        public Optional<Blob> get(BlobKey key) {
            throw missing();
        }

        @Override
        public boolean exists(BlobKey key) {
            throw missing();
        }

        @Override
        public void delete(BlobKey key) {
            throw missing();
        }

        @Override
        public Page<BlobKey> list(String prefix, PageRequest page) {
            throw missing();
        }
    };
}
