package io.crawlseq.engine.task;

import java.util.Objects;

/** Thrown by a {@link LambdaHandler} to fail with a chosen {@code errorType}, like a Lambda function error. */
public class FunctionError extends Exception {

    private final String errorType;

    public FunctionError(String errorType, String errorMessage) {
        super(errorMessage);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    public String errorType() {
        return errorType;
    }
}
