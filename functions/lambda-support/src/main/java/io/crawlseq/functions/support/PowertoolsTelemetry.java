package io.crawlseq.functions.support;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools for AWS Lambda through its functional API (no AspectJ weaving, which would slow builds
 * and cold starts): {@code PowertoolsLogging.withLogging} puts the Lambda context into every log
 * line of the invocation, and one {@link Metrics} instance writes EMF records flushed at the end of
 * each invocation. The namespace is {@value #NAMESPACE} (the template sets it to the project
 * name); each record carries the {@code service} dimension
 * ({@code POWERTOOLS_SERVICE_NAME}: the command for command functions).
 */
public final class PowertoolsTelemetry implements Telemetry {

    /** The CloudWatch namespace, one per project. */
    public static final String NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
    static final String DEFAULT_NAMESPACE = "crawl-sequences";

    private final Metrics metrics;
    private volatile boolean coldStartCaptured;

    PowertoolsTelemetry(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public static PowertoolsTelemetry create(FunctionEnvironment environment, String service) {
        Metrics metrics = MetricsBuilder.builder()
                .withNamespace(environment.optional(NAMESPACE).orElse(DEFAULT_NAMESPACE))
                .withService(service)
                .withRaiseOnEmptyMetrics(false)
                .build();
        return new PowertoolsTelemetry(metrics);
    }

    @Override
    public <T> T invocation(Context context, Invocation<T> body) throws Exception {
        Outcome<T> outcome = PowertoolsLogging.withLogging(context, () -> {
            try {
                if (!coldStartCaptured) {
                    coldStartCaptured = true;
                    metrics.captureColdStartMetric(context);
                }
                return Outcome.of(body.run());
            } catch (Exception e) {
                return Outcome.failed(e);
            } finally {
                metrics.flush();
            }
        });
        return outcome.get();
    }

    @Override
    public void metric(String name, double value, Unit unit) {
        metrics.addMetric(name, value, switch (unit) {
            case COUNT -> MetricUnit.COUNT;
            case MILLISECONDS -> MetricUnit.MILLISECONDS;
            case BYTES -> MetricUnit.BYTES;
        });
    }

    /** Carries a checked exception out of the Supplier Powertools takes. */
    private record Outcome<T>(T value, Exception failure) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(Exception e) {
            return new Outcome<>(null, e);
        }

        T get() throws Exception {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
