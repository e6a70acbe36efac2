package io.crawlseq.localstack;

import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.TableNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * JUnit 5 extension giving each test real DynamoDB (DynamoDB Local) and S3 (s3proxy): the servers start once
 * per JVM ({@link SharedLocalAws}); each test gets fresh tables (unique name prefix, all store tables
 * created) and a fresh bucket, deleted afterwards. With {@link #perClass()}, the tables and bucket are
 * shared by the tests of one class instead (for fixtures seeded in {@code @BeforeAll}).
 *
 * <pre>{@code
 * class RunHistoryTest {
 *     @RegisterExtension
 *     static final LocalAwsExtension aws = new LocalAwsExtension();
 *
 *     @Test
 *     void putRun_storesRun() {
 *         RunHistory runs = aws.storage().runs();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class LocalAwsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final boolean perClass;
    private final StoreSettings settings;
    private TableNames tables;
    private String prefix;
    private String bucket;
    private final List<String> extraBuckets = new ArrayList<>();
    private Storage storage;

    public LocalAwsExtension() {
        this(false, StoreSettings.defaults());
    }

    private LocalAwsExtension(boolean perClass, StoreSettings settings) {
        this.perClass = perClass;
        this.settings = settings;
    }

    /** Tables and bucket shared by all tests of the class (register it as a static field). */
    public static LocalAwsExtension perClass() {
        return new LocalAwsExtension(true, StoreSettings.defaults());
    }

    /** Same scope, with these settings for {@link #storage()}. */
    public LocalAwsExtension withSettings(StoreSettings value) {
        return new LocalAwsExtension(perClass, value);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            provision();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            tearDown();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            provision();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            tearDown();
        }
    }

    /** The store over this test's tables and bucket, with the extension's settings. */
    public Storage storage() {
        return requireProvisioned(storage);
    }

    /** Another store over the same tables and bucket, e.g. with a test clock or a tiny inline limit. */
    public Storage storage(StoreSettings customSettings) {
        return DynamoStorage.create(dynamoDb(), tables(), S3BlobStore.of(s3(), bucket()), customSettings);
    }

    /**
     * Creates another bucket for this test (e.g. a sequences bucket next to the results bucket), deleted
     * with the rest; returns its name ({@code <test prefix><name>}).
     */
    public String createBucket(String name) {
        String full = requireProvisioned(prefix) + name;
        s3().createBucket(b -> b.bucket(full));
        extraBuckets.add(full);
        return full;
    }

    public TableNames tables() {
        return requireProvisioned(tables);
    }

    public String bucket() {
        return requireProvisioned(bucket);
    }

    public DynamoDbClient dynamoDb() {
        return SharedLocalAws.get().dynamoDb();
    }

    public S3Client s3() {
        return SharedLocalAws.get().s3();
    }

    public URI dynamoDbEndpoint() {
        return SharedLocalAws.get().stack().dynamoDb().endpoint();
    }

    public URI s3Endpoint() {
        return SharedLocalAws.get().stack().s3().endpoint();
    }

    private void provision() {
        prefix = SharedLocalAws.uniquePrefix();
        tables = TableNames.withPrefix(prefix);
        bucket = prefix + "bucket";
        TableProvisioner.createMissing(dynamoDb(), tables);
        s3().createBucket(b -> b.bucket(bucket));
        storage = storage(settings);
    }

    private void tearDown() {
        if (tables == null) {
            return;
        }
        TableProvisioner.deleteAll(dynamoDb(), tables);
        emptyAndDelete(bucket);
        extraBuckets.forEach(this::emptyAndDelete);
        extraBuckets.clear();
        tables = null;
        prefix = null;
        bucket = null;
        storage = null;
    }

    private void emptyAndDelete(String name) {
        ListObjectVersionsResponse versions;
        do {
            versions = s3().listObjectVersions(b -> b.bucket(name));
            for (ObjectVersion version : versions.versions()) {
                s3().deleteObject(b -> b.bucket(name).key(version.key()).versionId(version.versionId()));
            }
            for (DeleteMarkerEntry marker : versions.deleteMarkers()) {
                s3().deleteObject(b -> b.bucket(name).key(marker.key()).versionId(marker.versionId()));
            }
        } while (Boolean.TRUE.equals(versions.isTruncated()));
        ListObjectsV2Response listing;
        do {
            listing = s3().listObjectsV2(b -> b.bucket(name));
            for (S3Object object : listing.contents()) {
                s3().deleteObject(b -> b.bucket(name).key(object.key()));
            }
        } while (Boolean.TRUE.equals(listing.isTruncated()));
        s3().deleteBucket(b -> b.bucket(name));
    }

    private static <T> T requireProvisioned(T value) {
        if (value == null) {
            throw new IllegalStateException("no tables yet: use the extension from a test, or register it with"
                    + " perClass() to use it in @BeforeAll");
        }
        return value;
    }
}
