package io.crawlseq.functions.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda context of an in-process invocation (local stack, tests): a fresh request id and the
 * remaining time counted down from the function's timeout, as the Lambda runtime would give.
 */
public final class LocalLambdaContext implements Context {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLambdaContext.class);

    private final FunctionSpec function;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;

    public LocalLambdaContext(FunctionSpec function, Clock clock) {
        this.function = Objects.requireNonNull(function, "function");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestId = UUID.randomUUID().toString();
        this.deadline = clock.instant().plusSeconds(function.timeoutSeconds());
    }

    /** A context for {@code function} starting now on the system clock. */
    public static LocalLambdaContext of(FunctionSpec function) {
        return new LocalLambdaContext(function, Clock.systemUTC());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                LOG.info("{}: {}", function.name(), message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
