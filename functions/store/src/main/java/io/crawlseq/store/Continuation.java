package io.crawlseq.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a long crawl resumes: the envelope's {@code continuation} ({@code {token, invocation}}). The state
 * itself stays in the store; only this small value travels in the Step Functions payload.
 *
 * @param token      opaque, 32 lower-case hex characters
 * @param invocation the invocation number that must resume it (2 for the first continuation)
 */
public record Continuation(String token, int invocation) {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

    public Continuation {
        Objects.requireNonNull(token, "token");
        if (!isWellFormedToken(token)) {
            throw new IllegalArgumentException("continuation token must be 32 lower-case hex characters");
        }
        if (invocation < 2 || invocation > StepRecord.MAX_INVOCATION) {
            throw new IllegalArgumentException("a continuation resumes invocation 2.." + StepRecord.MAX_INVOCATION
                    + ", not " + invocation);
        }
    }

    /** Whether {@code token} has the form of a token (payloads are untrusted input). */
    public static boolean isWellFormedToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }
}
