package io.crawlseq.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to read: at most {@code limit} items, starting after the position the
 * {@code cursor} of a previous {@link Page} names (absent for the first page).
 */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, Optional.of(cursor));
    }

    /** The request for the page after {@code page}, or empty when {@code page} was the last. */
    public Optional<PageRequest> next(Page<?> page) {
        return page.nextCursor().map(c -> new PageRequest(limit, Optional.of(c)));
    }
}
