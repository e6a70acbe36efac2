package io.crawlseq.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

class PowertoolsTelemetryTest {

    private static final FunctionSpec FUNCTION = FunctionSpec.of("crawlseq-TestFunction", "us-east-1", "123456789012",
            512, 30);

    @BeforeAll
    static void emfToStandardOutput() {
        // outside Lambda the EMF library would probe EC2/ECS metadata and then look for an agent
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }

    @Test
    void invocation_flushesItsMetricsAsOneEmfRecordInTheProjectNamespace() throws Exception {
        Telemetry telemetry = PowertoolsTelemetry.create(
                FunctionEnvironment.of(Map.of(PowertoolsTelemetry.NAMESPACE, "crawlseq-test")), "findTopicHubs");

        List<String> lines = capturingStdout(() -> telemetry.invocation(LocalLambdaContext.of(FUNCTION), () -> {
            telemetry.metric("PagesFetched", 42, Telemetry.Unit.COUNT);
            return "done";
        }));

        JsonNode record = lines.stream().map(PowertoolsTelemetryTest::json)
                .filter(j -> j.has("PagesFetched")).findFirst().orElseThrow();
        assertThat(record.path("PagesFetched").asDouble()).isEqualTo(42);
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("crawlseq-test");
        assertThat(record.path("Service").asText()).isEqualTo("findTopicHubs");
    }

    @Test
    void invocation_passesTheBodysCheckedExceptionThrough() {
        Telemetry telemetry = PowertoolsTelemetry.create(FunctionEnvironment.of(Map.of()), "deployer");

        assertThatThrownBy(() -> telemetry.invocation(LocalLambdaContext.of(FUNCTION), () -> {
            throw new java.io.IOException("bucket unreachable");
        })).isInstanceOf(java.io.IOException.class).hasMessage("bucket unreachable");
    }

    private static JsonNode json(String line) {
        try {
            return LambdaJson.parse(line);
        } catch (Exception e) {
            return LambdaJson.object();
        }
    }

    private static List<String> capturingStdout(Telemetry.Invocation<?> body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
