package io.crawlseq.lang.model;

import java.util.List;
import java.util.Objects;

/**
 * Runs {@code do} once per element of the array at {@code each}, binding the element to {@code as}.
 *
 * @param each           dotted path to an array ({@code context.countries}, {@code results.hubs.hubs})
 * @param as             loop variable name, visible only inside {@code do}
 * @param body           the {@code do} steps
 * @param maxConcurrency iterations in flight at once; 1 (the default) keeps crawls of one site polite
 */
public record ForEach(String each, String as, List<Step> body, int maxConcurrency, String pointer)
        implements Step {

    public static final int DEFAULT_MAX_CONCURRENCY = 1;

    public ForEach {
        Objects.requireNonNull(each, "each");
        Objects.requireNonNull(as, "as");
        Objects.requireNonNull(pointer, "pointer");
        body = List.copyOf(body);
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("maxConcurrency must be >= 0 (0 = unlimited)");
        }
    }

    public String eachPointer() {
        return pointer + "/each";
    }
}
