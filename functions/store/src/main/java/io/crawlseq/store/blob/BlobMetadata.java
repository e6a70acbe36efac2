package io.crawlseq.store.blob;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Content type and user metadata of a blob. Metadata follows the rules S3 user metadata can carry
 * unchanged: lower-case names of letters, digits and '-', printable ASCII values, at most 2 KB in total.
 */
public record BlobMetadata(String contentType, Map<String, String> userMetadata) {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String JSON = "application/json";
    public static final int MAX_METADATA_BYTES = 2048;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,254}");

    public BlobMetadata {
        Objects.requireNonNull(contentType, "contentType");
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("content type must be printable ASCII, at most 255 characters");
        }
        userMetadata = validated(userMetadata);
    }

    public static BlobMetadata of(String contentType) {
        return new BlobMetadata(contentType, Map.of());
    }

    public static BlobMetadata json() {
        return of(JSON);
    }

    public static BlobMetadata octetStream() {
        return of(OCTET_STREAM);
    }

    public BlobMetadata with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(userMetadata);
        copy.put(name, value);
        return new BlobMetadata(contentType, copy);
    }

    private static Map<String, String> validated(Map<String, String> metadata) {
        Map<String, String> sorted = new TreeMap<>();
        int total = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "metadata name");
            String value = Objects.requireNonNull(e.getValue(), "metadata value");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("metadata name '" + name
                        + "' must be lower-case letters, digits and '-', at most 64 characters");
            }
            if (!VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("metadata value of '" + name + "' must be printable ASCII");
            }
            total += name.getBytes(StandardCharsets.US_ASCII).length + value.getBytes(StandardCharsets.US_ASCII).length;
            sorted.put(name, value);
        }
        if (total > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata is " + total + " bytes; the limit is " + MAX_METADATA_BYTES);
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
