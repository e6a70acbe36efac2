package io.crawlseq.engine.intrinsic;

/**
 * An intrinsic function could not produce a value (wrong argument type, missing path, bad JSON...).
 * The engine reports it as the error {@code States.Runtime}, as Step Functions does, with the cause
 * "The function '...' had the following error: {@link #getMessage()}".
 */
public final class IntrinsicFailure extends RuntimeException {

    public IntrinsicFailure(String detail) {
        super(detail, null, false, false);
    }
}
