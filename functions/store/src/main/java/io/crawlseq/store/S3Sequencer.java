package io.crawlseq.store;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code sequencer} of an S3 event: a hexadecimal string that orders events on one object key.
 * Sequencers may differ in length; S3 says to compare them by left-padding the shorter with zeros and then
 * comparing lexicographically, i.e. as hexadecimal numbers. This type stores that padded, upper-case form
 * ({@link #sortable()}), which also sorts correctly as a plain string inside DynamoDB conditions.
 */
public record S3Sequencer(String value) implements Comparable<S3Sequencer> {

    /** Longest sequencer accepted; S3's are 16-18 hex digits today. */
    public static final int MAX_DIGITS = 64;
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1," + MAX_DIGITS + "}");

    public S3Sequencer {
        Objects.requireNonNull(value, "value");
        if (!HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("S3 sequencer must be 1.." + MAX_DIGITS + " hex digits, was '"
                    + value + "'");
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    public static S3Sequencer of(String value) {
        return new S3Sequencer(value);
    }

    /** The value left-padded with zeros to {@value #MAX_DIGITS} digits: orders like the number. */
    public String sortable() {
        return "0".repeat(MAX_DIGITS - value.length()) + value;
    }

    public static S3Sequencer fromSortable(String sortable) {
        String trimmed = sortable.replaceFirst("^0+(?=.)", "");
        return new S3Sequencer(trimmed);
    }

    @Override
    public int compareTo(S3Sequencer other) {
        return sortable().compareTo(other.sortable());
    }

    public boolean isAfter(S3Sequencer other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Sequencer other && sortable().equals(other.sortable());
    }

    @Override
    public int hashCode() {
        return sortable().hashCode();
    }
}
