package io.crawlseq.store.dynamodb.internal;

import io.crawlseq.store.blob.BlobKeys;
import java.nio.charset.StandardCharsets;

/**
 * The sort-key form of a URL. DynamoDB sort keys hold at most 1024 bytes (and index sort keys carry a
 * prefix), so a URL over {@value #MAX_VERBATIM_BYTES} bytes is kept as its first part plus a SHA-256 of
 * the whole; the full URL stays in the item.
 */
final class UrlKeys {

    static final int MAX_VERBATIM_BYTES = 700;
    private static final int KEPT_PREFIX_BYTES = 600;

    private UrlKeys() {
    }

    static String of(String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_VERBATIM_BYTES) {
            return url;
        }
        return prefixWithinBytes(url, KEPT_PREFIX_BYTES) + "#sha256:" + BlobKeys.sha256Hex(bytes);
    }

    private static String prefixWithinBytes(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
