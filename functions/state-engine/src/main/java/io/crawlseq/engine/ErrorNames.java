package io.crawlseq.engine;

/** The predefined error names of the Amazon States Language, plus the Lambda errors the engine reports. */
public final class ErrorNames {

    /** Matches any error except States.Runtime and States.DataLimitExceeded. */
    public static final String ALL = "States.ALL";
    /** Matches any error except States.Timeout (and the two terminal ones). */
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    /** Terminal: never retried, never caught by States.ALL. */
    public static final String RUNTIME = "States.Runtime";
    /** Terminal: a payload above 256 KiB; only a catcher naming it explicitly catches it. */
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";

    public static final String LAMBDA_SERVICE_EXCEPTION = "Lambda.ServiceException";
    public static final String LAMBDA_TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";
    public static final String LAMBDA_SDK_CLIENT_EXCEPTION = "Lambda.SdkClientException";
    public static final String LAMBDA_AWS_LAMBDA_EXCEPTION = "Lambda.AWSLambdaException";
    public static final String LAMBDA_UNKNOWN = "Lambda.Unknown";

    private ErrorNames() {
    }
}
