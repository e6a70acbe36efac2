package io.crawlseq.store.blob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A stored blob. The bytes are copied in and out, so a {@code Blob} is immutable. */
public record Blob(BlobKey key, byte[] bytes, BlobMetadata metadata) {

    public Blob {
        Objects.requireNonNull(key, "key");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob other && key.equals(other.key) && Arrays.equals(bytes, other.bytes)
                && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(bytes), metadata);
    }

    @Override
    public String toString() {
        return "Blob[" + key + ", " + bytes.length + " bytes, " + metadata + "]";
    }
}
