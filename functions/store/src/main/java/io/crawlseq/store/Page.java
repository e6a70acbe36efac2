package io.crawlseq.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. {@code nextCursor} is present when more items may follow (the next page can be
 * empty); pass it to {@link PageRequest#after}. Cursors are opaque and only valid for the same listing.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public boolean hasMore() {
        return nextCursor.isPresent();
    }
}
