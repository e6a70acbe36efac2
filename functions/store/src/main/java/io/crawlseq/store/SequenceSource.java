package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The uploaded object a deployment comes from.
 *
 * @param bucket        the sequences bucket
 * @param key           the object key
 * @param versionId     the S3 version id (absent when the bucket is not versioned)
 * @param sequencer     the S3 event's sequencer: orders uploads of the same key
 * @param contentSha256 SHA-256 of the object's bytes, lower-case hex
 */
public record SequenceSource(String bucket, String key, Optional<String> versionId, S3Sequencer sequencer,
                             String contentSha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SequenceSource {
        Checks.text("bucket", bucket, 255);
        Checks.text("key", key, 1024);
        versionId.ifPresent(v -> Checks.text("versionId", v, 1024));
        Objects.requireNonNull(sequencer, "sequencer");
        contentSha256 = contentSha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(contentSha256).matches()) {
            throw new IllegalArgumentException("contentSha256 must be 64 hex characters");
        }
    }
}
