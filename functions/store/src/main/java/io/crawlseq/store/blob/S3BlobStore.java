package io.crawlseq.store.blob;

import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3 bucket, optionally under a key prefix (e.g. {@code results/}). Works against S3 and
 * S3-compatible servers (s3proxy in tests; clients there need path-style addressing).
 */
public final class S3BlobStore implements BlobStore {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;

    private S3BlobStore(S3Client s3, String bucket, String keyPrefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!keyPrefix.isEmpty()) {
            BlobKey.of(keyPrefix.endsWith("/") ? keyPrefix.substring(0, keyPrefix.length() - 1) : keyPrefix);
        }
    }

    public static S3BlobStore of(S3Client s3, String bucket) {
        return new S3BlobStore(s3, bucket, "");
    }

    /** Blobs live under {@code keyPrefix} (add the trailing {@code /} yourself if you want a folder). */
    public static S3BlobStore of(S3Client s3, String bucket, String keyPrefix) {
        return new S3BlobStore(s3, bucket, keyPrefix);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void put(BlobKey key, byte[] bytes, BlobMetadata metadata) {
        s3.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType(metadata.contentType())
                .metadata(metadata.userMetadata()), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<Blob> get(BlobKey key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey(key)));
            GetObjectResponse response = object.response();
            String contentType = response.contentType() == null ? BlobMetadata.OCTET_STREAM : response.contentType();
            return Optional.of(new Blob(key, object.asByteArrayUnsafe(),
                    new BlobMetadata(contentType, response.metadata())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(BlobKey key) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
    }

    @Override
    public Page<BlobKey> list(String prefix, PageRequest page) {
        ListObjectsV2Response response = s3.listObjectsV2(b -> b.bucket(bucket).prefix(keyPrefix + prefix)
                .maxKeys(page.limit()).continuationToken(page.cursor().orElse(null)));
        List<BlobKey> keys = response.contents().stream()
                .map(o -> o.key().substring(keyPrefix.length()))
                .filter(k -> BlobKey.problem(k).isEmpty()) // objects written by others with keys we would refuse
                .map(BlobKey::of)
                .toList();
        boolean more = Boolean.TRUE.equals(response.isTruncated());
        return new Page<>(keys, more ? Optional.ofNullable(response.nextContinuationToken()) : Optional.empty());
    }

    private String objectKey(BlobKey key) {
        return keyPrefix + key.value();
    }
}
