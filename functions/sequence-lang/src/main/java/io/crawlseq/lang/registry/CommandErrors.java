package io.crawlseq.lang.registry;

import java.util.List;

/**
 * Error names shared by command handlers, Lambda adapters and the compiler's Retry/Catch rules. A
 * handler reports user-visible failures in its result envelope ({@code status: failed}); it raises
 * an error only for infrastructure trouble, named by one of these.
 */
public final class CommandErrors {

    private CommandErrors() {
    }

    /** Worth retrying: throttling, a store briefly unavailable, a dependency's 5xx. */
    public static final String TRANSIENT = "CommandTransientError";

    /** Not worth retrying: a bug or a broken deployment. */
    public static final String FATAL = "CommandFatalError";

    /** Raised by the state machine when a step with {@code onError: abort} fails. */
    public static final String STEP_FAILED = "Sequence.StepFailed";

    /** Lambda service errors Step Functions documents as retryable for lambda:invoke. */
    public static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException");
}
