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

    /**
     * What {@link #TRANSIENT} is called when a command's Lambda raises it. The Java Lambda runtime
     * reports a thrown exception's fully qualified class name as the {@code errorType} Step
     * Functions matches, so the command functions throw a class of exactly this name.
     */
    public static final String TRANSIENT_JAVA_LAMBDA = "io.crawlseq.functions.command.CommandTransientError";

    /** What {@link #FATAL} is called when a command's Lambda raises it (see {@link #TRANSIENT_JAVA_LAMBDA}). */
    public static final String FATAL_JAVA_LAMBDA = "io.crawlseq.functions.command.CommandFatalError";

    /**
     * Every name a transient command error carries: {@link #TRANSIENT} from in-process handlers (local
     * runs), {@link #TRANSIENT_JAVA_LAMBDA} from the deployed functions. Retry rules list both.
     */
    public static final List<String> TRANSIENT_NAMES = List.of(TRANSIENT, TRANSIENT_JAVA_LAMBDA);

    /** Raised by the state machine when a step with {@code onError: abort} fails. */
    public static final String STEP_FAILED = "Sequence.StepFailed";

    /** Lambda service errors Step Functions documents as retryable for lambda:invoke. */
    public static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException");
}
