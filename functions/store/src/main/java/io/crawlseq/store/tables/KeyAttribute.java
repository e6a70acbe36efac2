package io.crawlseq.store.tables;

import java.util.Objects;

/** A key attribute: its name and DynamoDB scalar type ({@code S}, {@code N} or {@code B}). */
public record KeyAttribute(String name, String type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
            throw new IllegalArgumentException("key attribute type must be S, N or B, was " + type);
        }
    }

    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, "S");
    }
}
