package io.crawlseq.localstack.http;

import java.util.Objects;

/**
 * An AWS API error as the local endpoints return it: an HTTP status, the error code the SDK maps to
 * an exception class ({@code StateMachineDoesNotExist}, {@code ResourceNotFoundException}) and a
 * message.
 */
public final class AwsError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public AwsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static AwsError badRequest(String code, String message) {
        return new AwsError(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
