package io.crawlseq.store.blob;

import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import java.util.Optional;

/**
 * Bytes by key: page bodies, full result lists, diagnostics reports, large JSON values the tables point
 * at. Implementations: {@link LocalDirectoryBlobStore} (CLI), {@link S3BlobStore} (AWS, and s3proxy in
 * tests). Writes replace whole blobs atomically; readers never see a partial blob.
 */
public interface BlobStore {

    void put(BlobKey key, byte[] bytes, BlobMetadata metadata);

    Optional<Blob> get(BlobKey key);

    boolean exists(BlobKey key);

    /** Deletes the blob; deleting a missing blob does nothing. */
    void delete(BlobKey key);

    /**
     * Keys starting with {@code prefix} (plain text prefix, not necessarily whole segments; {@code ""} for
     * all), in UTF-8 byte order like S3.
     */
    Page<BlobKey> list(String prefix, PageRequest page);

    /**
     * Stores the blob unless the key exists; for content-addressed keys, where an existing blob already
     * has these bytes. Returns whether it wrote.
     */
    default boolean putIfAbsent(BlobKey key, byte[] bytes, BlobMetadata metadata) {
        if (exists(key)) {
            return false;
        }
        put(key, bytes, metadata);
        return true;
    }
}
