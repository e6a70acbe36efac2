package io.crawlseq.store.dynamodb.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Page cursors: a query's LastEvaluatedKey (string attributes only, as all our keys are) encoded as
 * base64url text. Decoding checks the attribute names the listing expects, so a cursor from another
 * listing is refused instead of reaching DynamoDB.
 */
final class Cursors {

    private static final char FIELD = '\u001F';
    private static final char VALUE = '\u001E';

    private Cursors() {
    }

    static Optional<String> encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalStateException("cursor key attribute " + name + " is not a string");
            }
            text.append(name).append(VALUE).append(value.s()).append(FIELD);
        });
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws IllegalArgumentException when the cursor is malformed or belongs to another listing */
    static Map<String, AttributeValue> decode(String cursor, Set<String> expectedNames) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new TreeMap<>();
        for (String field : text.split(String.valueOf(FIELD))) {
            if (field.isEmpty()) {
                continue;
            }
            int sep = field.indexOf(VALUE);
            if (sep <= 0) {
                throw invalid();
            }
            key.put(field.substring(0, sep), AttributeValue.fromS(field.substring(sep + 1)));
        }
        if (!key.keySet().equals(expectedNames)) {
            throw invalid();
        }
        return key;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("invalid page cursor (malformed, or from another listing)");
    }
}
