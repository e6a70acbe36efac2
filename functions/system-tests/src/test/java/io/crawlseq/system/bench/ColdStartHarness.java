package io.crawlseq.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.localstack.SharedLocalAws;
import io.crawlseq.localstack.scheduler.LocalScheduler;
import io.crawlseq.localstack.stepfunctions.LocalStepFunctions;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.TableNames;
import io.crawlseq.system.artifact.Emulation;
import io.crawlseq.system.artifact.FunctionEnvironments;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Cold and warm handler times of the deployment packages, with and without SnapStart priming, each
 * run in a fresh JVM whose class path is the package alone (see {@code LambdaRuntimeEmulator}):
 * construction (what Lambda's init phase, or a SnapStart snapshot, covers), priming, the first
 * invocation, the second, and the median of eight more. DynamoDB Local, s3proxy and the local Step
 * Functions and Scheduler endpoints run in this JVM. A SnapStart restore itself (a microVM snapshot)
 * cannot be measured here; with SnapStart, Lambda's cold start is the restore plus the "first" time.
 *
 * <p>Run after {@code ./mvnw -DskipTests package} with the system-tests test class path:
 * {@code java -cp <cp> io.crawlseq.system.bench.ColdStartHarness [runs]}.
 */
public final class ColdStartHarness {

    private ColdStartHarness() {
    }

    private record Case(String name, String module, String handler, String event, Map<String, String> env) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SharedLocalAws aws = SharedLocalAws.get();
        TableNames tables = SharedLocalAws.uniqueTableNames();
        TableProvisioner.createMissing(aws.dynamoDb(), tables);
        String bucket = SharedLocalAws.uniquePrefix() + "bench";
        aws.s3().createBucket(b -> b.bucket(bucket));
        aws.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        String version = aws.s3().putObject(b -> b.bucket(bucket).key("sequences/bench.yaml"),
                RequestBody.fromFile(io.crawlseq.system.RepositoryPaths.resolve("sequences/news-site-survey.yaml")))
                .versionId();
        try (LocalStepFunctions sfn = LocalStepFunctions.builder().start();
             LocalScheduler scheduler = LocalScheduler.start(0, (arn, input) -> LambdaJson.object(), "us-east-1",
                     "123456789012", Clock.systemUTC(), false)) {
            Map<String, String> base = FunctionEnvironments.base("bench", tables, bucket,
                    aws.stack().dynamoDb().endpoint(), aws.stack().s3().endpoint());
            Map<String, String> command = new java.util.LinkedHashMap<>(base);
            command.put("CRAWLSEQ_COMMAND", "logWarning");
            List<Case> cases = List.of(
                    new Case("command function (logWarning task)", "command-functions",
                            "io.crawlseq.functions.command.CommandFunction", FunctionEnvironments.logWarningTask(), command),
                    new Case("sequence deployer (S3 upload of news-site-survey.yaml)", "control-functions",
                            "io.crawlseq.functions.control.SequenceDeployerFunction",
                            FunctionEnvironments.upload(bucket, "sequences/bench.yaml", version),
                            FunctionEnvironments.deployer(base, sfn.endpoint(), scheduler.endpoint())));
            System.out.println("| function | priming | init ms | priming ms | 1st invocation ms | 2nd ms | warm median ms |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            for (Case c : cases) {
                Path pkg = Emulation.freshPackage(c.module()).orElseThrow(() -> new IllegalStateException(
                        "build the packages first: ./mvnw -DskipTests package"));
                for (boolean prime : List.of(false, true)) {
                    List<double[]> samples = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        Emulation run = Emulation.run(pkg, c.handler(), c.event(), 10, prime, "bench", c.env());
                        if (run.exitCode() != 0 || !run.result().path("error").isNull()) {
                            throw new IllegalStateException(c.name() + " failed: " + run.result() + "\n"
                                    + String.join("\n", run.output()));
                        }
                        samples.add(sample(run.result()));
                    }
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.1f |%n", c.name(),
                            prime ? "yes" : "no", median(samples, 0), median(samples, 1), median(samples, 2),
                            median(samples, 3), median(samples, 4));
                }
            }
        }
        System.exit(0);
    }

    /** init, prime, first, second, median of invocations 3..n. */
    private static double[] sample(JsonNode result) {
        List<Double> invokes = new ArrayList<>();
        result.path("invokeMs").forEach(v -> invokes.add(v.asDouble()));
        List<Double> warm = new ArrayList<>(invokes.subList(2, invokes.size()));
        warm.sort(null);
        return new double[] {result.path("initMs").asDouble(), result.path("primeMs").asDouble(), invokes.get(0),
                invokes.get(1), warm.get(warm.size() / 2)};
    }

    private static double median(List<double[]> samples, int column) {
        List<Double> values = new ArrayList<>(samples.stream().map(s -> s[column]).toList());
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
