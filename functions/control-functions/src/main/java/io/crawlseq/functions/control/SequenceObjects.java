package io.crawlseq.functions.control;

import io.crawlseq.lang.parse.InputLimits;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The sequences bucket as the control functions use it: read an uploaded version (at most one byte
 * more than the language accepts, so a 5 GB upload costs 5 MB and still gets its "too large"
 * diagnostic), check that an object still exists, write and delete diagnostics reports.
 */
record SequenceObjects(S3Client s3) {

    /** Read cap: one byte past the loader's limit. */
    static final long MAX_READ = InputLimits.DEFAULT.maxBytes() + 1;

    /** An object's bytes and the version they came from. */
    record Fetched(byte[] bytes, Optional<String> versionId) {
    }

    SequenceObjects {
        Objects.requireNonNull(s3, "s3");
    }

    /** The object's bytes (the given version when known), or empty when it is gone. */
    Optional<Fetched> fetch(String bucket, String key, Optional<String> versionId) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> {
                b.bucket(bucket).key(key).range("bytes=0-" + (MAX_READ - 1));
                versionId.ifPresent(b::versionId);
            });
            return Optional.of(new Fetched(object.asByteArray(),
                    Optional.ofNullable(object.response().versionId()).filter(v -> !v.isBlank() && !"null".equals(v))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // NoSuchVersion: that version was deleted
            }
            if (e.statusCode() == 416) {
                return Optional.of(new Fetched(new byte[0], versionId)); // a range of an empty object
            }
            throw e;
        }
    }

    boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    void put(String bucket, String key, byte[] json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }

    /** Deletes the object; deleting one that is not there is no error (as on S3). */
    void delete(String bucket, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // already gone
        }
    }
}
