package io.crawlseq.store.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The store keeps instants at millisecond precision, as fixed-width UTC text that sorts like time
 * ({@code 2025-01-31T09:05:00.120Z}). Records truncate on construction so a value read back equals the
 * value written. Not public API.
 */
public final class Instants {

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Instants() {
    }

    public static Instant millis(Instant instant) {
        return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MILLIS);
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(millis(instant));
    }

    public static Instant parse(String sortable) {
        return Instant.parse(sortable);
    }
}
