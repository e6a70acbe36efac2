package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * One call of a Task state's resource.
 *
 * @param resource      the state's {@code Resource}, e.g. {@code arn:aws:states:::lambda:invoke}
 * @param stateName     the Task state's name
 * @param functionName  for {@code lambda:invoke}, the {@code FunctionName} parameter (a name, an ARN or an
 *                      unfilled {@code ${...}} placeholder); for any other resource, the resource itself
 * @param payload       what the function receives: the {@code Payload} parameter for {@code lambda:invoke},
 *                      else the state's effective input; a private copy the handler may keep
 * @param parameters    the state's effective input (after InputPath and Parameters)
 * @param attempt       1 for the first call, 2 for the first retry...
 * @param executionArn  the execution this call belongs to
 * @param deadline      when the engine gives up on the call (TimeoutSeconds), or null for no limit
 * @param cancellation  fires when the result is no longer wanted
 */
public record TaskInvocation(String resource, String stateName, String functionName, JsonNode payload,
                             JsonNode parameters, int attempt, String executionArn, Instant deadline,
                             CancellationSignal cancellation) {

    public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    public TaskInvocation {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** True for the optimised Lambda integration, whose result the engine wraps in {@code {Payload, ...}}. */
    public boolean isLambdaInvoke() {
        return resource.equals(LAMBDA_INVOKE);
    }
}
