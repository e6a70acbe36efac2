package io.crawlseq.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that one invocation holds a continuation: returned by {@link ContinuationStore#resume} and required
 * to checkpoint, complete or release it. Expires at {@code until}, after which another invocation (a retry)
 * may take it over.
 */
public record ContinuationLease(String token, int invocation, String owner, Instant until) {

    public ContinuationLease {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
    }
}
