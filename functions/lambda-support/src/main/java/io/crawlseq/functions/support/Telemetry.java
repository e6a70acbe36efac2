package io.crawlseq.functions.support;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Logs and metrics around one invocation. In Lambda: Powertools structured JSON logs (request id,
 * cold start, function name in every line) and CloudWatch metrics in Embedded Metric Format, one
 * namespace per project ({@link PowertoolsTelemetry}). Elsewhere (local stacks, the CLI): nothing
 * extra ({@link #QUIET}); the stores keep the same counters as DynamoDB metrics anyway.
 */
public interface Telemetry {

    /** Runs one invocation: logging context set for its duration, metrics flushed at its end. */
    <T> T invocation(Context context, Invocation<T> body) throws Exception;

    /** Adds a metric to the current invocation (dimension: the function's service name). */
    void metric(String name, double value, Unit unit);

    /** The CloudWatch units the functions use. */
    enum Unit {
        COUNT, MILLISECONDS, BYTES
    }

    @FunctionalInterface
    interface Invocation<T> {
        T run() throws Exception;
    }

    /** No logging context, no metrics. */
    Telemetry QUIET = new Telemetry() {
        @Override
        public <T> T invocation(Context context, Invocation<T> body) throws Exception {
            return body.run();
        }

        @Override
        public void metric(String name, double value, Unit unit) {
            // not recorded
        }
    };

    /** Powertools in a deployed Lambda, {@link #QUIET} elsewhere. */
    static Telemetry forEnvironment(FunctionEnvironment environment, String service) {
        return environment.isDeployedLambda() ? PowertoolsTelemetry.create(environment, service) : QUIET;
    }
}
