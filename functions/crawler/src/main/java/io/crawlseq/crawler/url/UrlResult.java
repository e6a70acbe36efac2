package io.crawlseq.crawler.url;

import java.util.Optional;

/** Outcome of parsing or normalising a URL: a valid {@link WebUrl} or the reason it was refused. */
public sealed interface UrlResult {

    record Valid(WebUrl url) implements UrlResult {
    }

    /** A refused URL: which problem, the input (shortened) and a detail for humans. */
    record Invalid(UrlProblem problem, String input, String detail) implements UrlResult {
        public Invalid {
            input = input == null ? "" : input.length() > 200 ? input.substring(0, 200) + "…" : input;
        }

        public String message() {
            return problem.description() + (detail.isEmpty() ? "" : " (" + detail + ")") + ": " + input;
        }
    }

    static UrlResult invalid(UrlProblem problem, String input, String detail) {
        return new Invalid(problem, input, detail);
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    default Optional<WebUrl> toOptional() {
        return this instanceof Valid valid ? Optional.of(valid.url()) : Optional.empty();
    }

    /** The URL; for callers that checked {@link #isValid()}. */
    default WebUrl orElseThrow() {
        if (this instanceof Valid valid) {
            return valid.url();
        }
        throw new IllegalStateException(((Invalid) this).message());
    }
}
