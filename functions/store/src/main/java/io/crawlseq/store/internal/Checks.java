package io.crawlseq.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Argument checks shared by the store's value types. Not public API. */
public final class Checks {

    private Checks() {
    }

    /**
     * A required identifier-like text: not blank, at most {@code maxLength} UTF-8 bytes, and no control
     * characters (they would corrupt keys, logs and terminal output).
     */
    public static String text(String name, String value, int maxBytes) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        int bytes = utf8Length(value);
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(name + " is " + bytes + " bytes long; the limit is " + maxBytes);
        }
        int control = firstControlCharacter(value);
        if (control >= 0) {
            throw new IllegalArgumentException(name + " contains control character U+"
                    + String.format("%04X", (int) value.charAt(control)) + " at index " + control);
        }
        return value;
    }

    public static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    public static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Index of the first C0/C1 control character or lone surrogate, or -1. */
    public static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Cuts {@code value} to at most {@code maxChars} characters without splitting a surrogate pair. */
    public static String truncate(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
