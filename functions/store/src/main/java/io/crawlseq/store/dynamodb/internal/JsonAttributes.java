package io.crawlseq.store.dynamodb.internal;

import io.crawlseq.store.Json;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.blob.BlobMetadata;
import io.crawlseq.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON values in items: inline (attribute {@code name}, a string) up to the configured limit, otherwise in
 * the blob store with the key in attribute {@code name + "Blob"}. Blob keys are content-addressed, so a
 * write that loses its condition never damages the value the stored item points at.
 */
public final class JsonAttributes {

    private final BlobStore blobs;
    private final int inlineLimitBytes;

    public JsonAttributes(BlobStore blobs, int inlineLimitBytes) {
        this.blobs = blobs;
        this.inlineLimitBytes = inlineLimitBytes;
    }

    static String blobAttribute(String name) {
        return name + "Blob";
    }

    /**
     * Puts the value into {@code item} inline or as a blob reference. {@code blobKeyForDigest} names the
     * blob from the value's SHA-256.
     */
    void write(Map<String, AttributeValue> item, String name, Json value, Function<String, BlobKey> blobKeyForDigest) {
        byte[] bytes = value.text().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= inlineLimitBytes) {
            item.put(name, Attrs.s(value.text()));
            return;
        }
        BlobKey key = blobKeyForDigest.apply(BlobKeys.sha256Hex(bytes));
        blobs.putIfAbsent(key, bytes, BlobMetadata.json());
        item.put(blobAttribute(name), Attrs.s(key.value()));
    }

    Optional<Json> read(Map<String, AttributeValue> item, String name) {
        Optional<String> inline = Attrs.optString(item, name);
        if (inline.isPresent()) {
            return Optional.of(Json.parse(inline.get()));
        }
        return Attrs.optString(item, blobAttribute(name)).map(key -> Json.parse(blobs.get(BlobKey.of(key))
                .orElseThrow(() -> new IllegalStateException("blob " + key + " referenced by the store is missing"))
                .utf8()));
    }

    Json readRequired(Map<String, AttributeValue> item, String name) {
        return read(item, name).orElseThrow(() -> new IllegalStateException("stored item lacks JSON '" + name + "'"));
    }
}
