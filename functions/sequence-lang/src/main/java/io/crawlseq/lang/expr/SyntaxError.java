package io.crawlseq.lang.expr;

import java.util.Objects;

/**
 * A malformed expression or template: what is wrong and where.
 *
 * @param offset 0-based offset into the expression/template text (so column = offset + 1 when the
 *               text sits at column 1)
 */
public record SyntaxError(String message, int offset) {

    public SyntaxError {
        Objects.requireNonNull(message, "message");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }
}
