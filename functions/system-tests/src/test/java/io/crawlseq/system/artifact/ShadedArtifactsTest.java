package io.crawlseq.system.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.localstack.scheduler.LocalScheduler;
import io.crawlseq.localstack.stepfunctions.LocalStepFunctions;
import io.crawlseq.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The deployment packages work as Lambda runs them: each in a JVM of its own with nothing but the
 * package on the class path, the handler built by its no-argument constructor from the environment
 * template.yaml sets, the SDK clients pointed at local endpoints by {@code AWS_ENDPOINT_URL_*} alone.
 * This catches what shading can break (service files, log4j's plugins, multi-release classes) and
 * checks the Powertools JSON logs and EMF metrics a deployed function writes. Runs after
 * {@code ./mvnw package} (as in {@code ./mvnw verify}); skipped, saying why, when a package is
 * missing or older than its classes.
 */
class ShadedArtifactsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private Map<String, String> base(String functionName) {
        return FunctionEnvironments.base(functionName, aws.tables(), aws.bucket(), aws.dynamoDbEndpoint(), aws.s3Endpoint());
    }

    @Test
    void commandFunctionsPackage_runsACommandLogsJsonAndWritesEmfAndHistory() throws Exception {
        Optional<Path> pkg = Emulation.freshPackage("command-functions");
        assumeTrue(pkg.isPresent(), "functions/command-functions/target/command-functions-lambda.jar is missing or stale "
                + "(./mvnw -DskipTests package)");
        Map<String, String> env = new java.util.LinkedHashMap<>(base("crawlseq-LogWarningFunction"));
        env.put("CRAWLSEQ_COMMAND", "logWarning");
        env.put("POWERTOOLS_SERVICE_NAME", "logWarning");

        Emulation run = Emulation.run(pkg.get(), "io.crawlseq.functions.command.CommandFunction::handleRequest"
                .split("::")[0], FunctionEnvironments.logWarningTask(), 2, true, "crawlseq-LogWarningFunction", env);

        assertThat(run.exitCode()).as(String.join("\n", run.output())).isZero();
        assertThat(run.result().path("error").isNull()).as(run.result().toString()).isTrue();
        assertThat(run.result().path("primeFailure").isNull()).as(run.result().toString()).isTrue();
        assertThat(run.response().path("status").asText()).isEqualTo("success");
        assertThat(run.output()).as("Powertools JSON log lines").anyMatch(line -> line.startsWith("{")
                && line.contains("\"function_name\":\"crawlseq-LogWarningFunction\"") && line.contains("no hubs found"));
        assertThat(run.output()).as("EMF metrics").anyMatch(line -> line.contains("\"CloudWatchMetrics\"")
                && line.contains("\"Invocations\"") && line.contains("\"Namespace\":\"crawlseq\""));
        assertThat(aws.storage().runs().steps("artifact-1", PageRequest.first(5)).items()).hasSize(1);
    }

    @Test
    void controlFunctionsPackage_deploysAnUploadThroughLocalEndpoints() throws Exception {
        Optional<Path> pkg = Emulation.freshPackage("control-functions");
        assumeTrue(pkg.isPresent(), "functions/control-functions/target/control-functions-lambda.jar is missing or stale "
                + "(./mvnw -DskipTests package)");
        String bucket = aws.createBucket("sequences");
        aws.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        String versionId = aws.s3().putObject(b -> b.bucket(bucket).key("sequences/artifact.yaml"),
                RequestBody.fromString("- findTopicHubs\n- sitemapDiscovery\n")).versionId();
        try (LocalStepFunctions sfn = LocalStepFunctions.builder().start();
             LocalScheduler scheduler = LocalScheduler.start(0, (arn, input) -> LambdaJson.object(), "us-east-1",
                     "123456789012", Clock.systemUTC(), false)) {
            Map<String, String> env = FunctionEnvironments.deployer(base("crawlseq-SequenceDeployerFunction"),
                    sfn.endpoint(), scheduler.endpoint());

            Emulation run = Emulation.run(pkg.get(), "io.crawlseq.functions.control.SequenceDeployerFunction",
                    FunctionEnvironments.upload(bucket, "sequences/artifact.yaml", versionId), 1, false,
                    "crawlseq-SequenceDeployerFunction", env);

            assertThat(run.exitCode()).as(String.join("\n", run.output())).isZero();
            assertThat(run.response().at("/results/0/outcome").asText()).as(run.result().toString()).isEqualTo("DEPLOYED");
            assertThat(aws.storage().registry().state("artifact")).hasValueSatisfying(s ->
                    assertThat(s.deployed().orElseThrow().stateMachineArn()).contains(
                            "arn:aws:states:us-east-1:123456789012:stateMachine:crawlseq-artifact"));
        }
    }
}
