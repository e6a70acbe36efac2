package io.crawlseq.store.blob;

import io.crawlseq.store.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A blob's key: {@code /}-separated segments, at most {@value #MAX_BYTES} UTF-8 bytes. The same rules hold
 * for every blob store, so a key that works locally works on S3: no leading, trailing or doubled
 * {@code /}, no {@code .} or {@code ..} segment, no backslash, no control character (NUL included), no
 * unpaired surrogate. Keys built from untrusted text should go through {@link BlobKeys#segment}.
 */
public record BlobKey(String value) implements Comparable<BlobKey> {

    public static final int MAX_BYTES = 1024;

    public BlobKey {
        Objects.requireNonNull(value, "value");
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException("invalid blob key: " + p);
        });
    }

    public static BlobKey of(String value) {
        return new BlobKey(value);
    }

    /** Why {@code candidate} is not a valid key, or empty when it is. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("key is empty");
        }
        int bytes = Checks.utf8Length(candidate);
        if (bytes > MAX_BYTES) {
            return Optional.of("key is " + bytes + " bytes long; the limit is " + MAX_BYTES);
        }
        int control = Checks.firstControlCharacter(candidate);
        if (control >= 0) {
            return Optional.of("control character or unpaired surrogate at index " + control);
        }
        if (candidate.indexOf('\\') >= 0) {
            return Optional.of("backslash at index " + candidate.indexOf('\\'));
        }
        if (candidate.startsWith("/")) {
            return Optional.of("key starts with '/' (keys are relative)");
        }
        if (candidate.endsWith("/")) {
            return Optional.of("key ends with '/'");
        }
        for (String segment : candidate.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("empty segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'" + segment + "' segment");
            }
        }
        return Optional.empty();
    }

    public List<String> segments() {
        return Arrays.asList(value.split("/"));
    }

    public BlobKey child(String segment) {
        return new BlobKey(value + "/" + segment);
    }

    public String lastSegment() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public int compareTo(BlobKey other) {
        return BlobKeys.UTF8_ORDER.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
