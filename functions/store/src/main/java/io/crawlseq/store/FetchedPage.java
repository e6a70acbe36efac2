package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest fetch of one URL: enough to make the next request conditional and to find the body.
 *
 * @param url          the fetched URL (normalised)
 * @param status       HTTP status code (0 when no response was received)
 * @param contentType  the response's Content-Type
 * @param bytes        body bytes received (after decompression)
 * @param fetchedAt    when the response was received
 * @param etag         the ETag header, for If-None-Match
 * @param lastModified the Last-Modified header as received, for If-Modified-Since
 * @param bodyKey      blob key of the stored body (see {@code BlobKeys.pageBody})
 */
public record FetchedPage(String url, int status, Optional<String> contentType, long bytes, Instant fetchedAt,
                          Optional<String> etag, Optional<String> lastModified, Optional<String> bodyKey) {

    public FetchedPage {
        Checks.text("url", url, Hub.MAX_URL_BYTES);
        if (status < 0 || status > 999) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
        }
        contentType.ifPresent(v -> Checks.text("contentType", v, 512));
        Checks.nonNegative("bytes", bytes);
        fetchedAt = Instants.millis(fetchedAt);
        etag.ifPresent(v -> Checks.text("etag", v, 1024));
        lastModified.ifPresent(v -> Checks.text("lastModified", v, 256));
        bodyKey.ifPresent(v -> Checks.text("bodyKey", v, 1024));
        Objects.requireNonNull(bodyKey, "bodyKey");
    }
}
