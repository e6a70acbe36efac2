package io.crawlseq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.control.FunctionArns;
import io.crawlseq.functions.control.ProjectNames;
import io.crawlseq.functions.control.RunRecorderFunction;
import io.crawlseq.functions.control.RunStarterFunction;
import io.crawlseq.functions.control.SequenceDeployerFunction;
import io.crawlseq.functions.control.SequenceUploads;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.FunctionSpec;
import io.crawlseq.functions.support.InProcessFunction;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.localstack.s3events.LocalS3Notifications;
import io.crawlseq.localstack.stepfunctions.ExecutionStatusChange;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.TableNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The end-to-end flow against LocalStack instead of the project's own local endpoints, where a
 * Docker engine exists (skipped with the reason otherwise): the command functions run as real
 * Lambda functions in LocalStack from the shaded jar (build it with {@code ./mvnw package} first),
 * their state machine on LocalStack's Step Functions; the deployer, run starter and run recorder run
 * in-process against LocalStack's endpoints, the recorder fed the execution's final status.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(Service.S3, Service.DYNAMODB, Service.STEPFUNCTIONS, Service.LAMBDA,
                    LocalStackContainer.EnabledService.named("scheduler"), Service.IAM);

    private static final String PREFIX = "crawlseq-";
    private static final String ROLE = "arn:aws:iam::000000000000:role/crawlseq-lambda";

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey()))).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void uploadedSequence_runsOnLocalStackAndIsRecorded() throws Exception {
        Path jar = Repository.resolve("functions/command-functions/target/command-functions-lambda.jar");
        assumeTrue(Files.isRegularFile(jar), "build the command functions first: ./mvnw -DskipTests package");
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder());
        S3Client s3 = client(S3Client.builder().forcePathStyle(true));
        SfnClient sfn = client(SfnClient.builder());
        SchedulerClient scheduler = client(SchedulerClient.builder());
        LambdaClient lambda = client(LambdaClient.builder());
        TableNames tables = TableNames.withPrefix(PREFIX);
        TableProvisioner.createMissing(dynamoDb, tables);
        s3.createBucket(b -> b.bucket("crawlseq-sequences"));
        s3.putBucketVersioning(b -> b.bucket("crawlseq-sequences").versioningConfiguration(v -> v.status("Enabled")));
        s3.createBucket(b -> b.bucket("crawlseq-results"));
        Storage storage = DynamoStorage.create(dynamoDb, tables, S3BlobStore.of(s3, "crawlseq-results"), StoreSettings.defaults());

        Map<String, String> arns = new TreeMap<>();
        Map<String, String> functionEnv = new HashMap<>();
        for (StoreTable table : StoreTable.values()) {
            functionEnv.put(table.environmentVariable(), tables.of(table));
        }
        functionEnv.put("RESULTS_BUCKET", "crawlseq-results");
        functionEnv.put("CRAWLSEQ_S3_PATH_STYLE", "true");
        SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
        for (var spec : CommandRegistry.standard().deployed()) {
            LambdaSettings settings = spec.lambda().orElseThrow();
            Map<String, String> env = new HashMap<>(functionEnv);
            env.put("CRAWLSEQ_COMMAND", spec.name());
            String arn = lambda.createFunction(b -> b.functionName(PREFIX + settings.logicalId()).runtime(Runtime.JAVA21)
                    .handler("io.crawlseq.functions.command.CommandFunction::handleRequest").role(ROLE)
                    .memorySize(settings.memoryMb()).timeout(settings.timeoutSeconds()).code(c -> c.zipFile(code))
                    .environment(e -> e.variables(env))).functionArn();
            arns.put(settings.arnSubstitutionName(), arn);
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(arn));
        }

        FunctionEnvironment deployerEnv = FunctionEnvironment.of(Map.of(
                FunctionArns.ENVIRONMENT_VARIABLE, LambdaJson.text(LambdaJson.mapper().valueToTree(arns)),
                ProjectNames.ENVIRONMENT_VARIABLE, PREFIX,
                SequenceUploads.ENVIRONMENT_VARIABLE, "sequences/",
                SequenceDeployerFunction.STATE_MACHINE_ROLE_ARN, "arn:aws:iam::000000000000:role/crawlseq-states",
                SequenceDeployerFunction.STATE_MACHINE_ARN_PREFIX,
                "arn:aws:states:" + LOCALSTACK.getRegion() + ":000000000000:stateMachine:",
                SequenceDeployerFunction.SCHEDULE_GROUP, "default",
                SequenceDeployerFunction.SCHEDULER_ROLE_ARN, "arn:aws:iam::000000000000:role/crawlseq-scheduler",
                SequenceDeployerFunction.RUN_STARTER_ARN, "arn:aws:lambda:us-east-1:000000000000:function:crawlseq-RunStarter"));
        FunctionSpec spec = FunctionSpec.of("in-process", LOCALSTACK.getRegion(), "000000000000", 1024, 60);
        InProcessFunction deployer = new InProcessFunction(spec,
                SequenceDeployerFunction.create(deployerEnv, storage.registry(), s3, sfn, scheduler, Clock.systemUTC()));
        InProcessFunction starter = new InProcessFunction(spec,
                RunStarterFunction.create(storage.registry(), storage.runs(), s3, sfn, Clock.systemUTC()));
        InProcessFunction recorder = new InProcessFunction(spec, RunRecorderFunction.create(storage.runs(), PREFIX));

        // a site the command may not reach (loopback is refused by the crawler's guard): the step fails fast,
        // and is recorded all the same
        String sequence = "type: Sequence\nname: ls-survey\nstartUrl: http://127.0.0.1:9/\nsteps:\n"
                + "  - {type: Command, id: topics, command: findTopicHubs}\n";
        String versionId = s3.putObject(b -> b.bucket("crawlseq-sequences").key("sequences/ls-survey.yaml"),
                RequestBody.fromString(sequence)).versionId();
        ObjectNode upload = LocalS3Notifications.objectCreated("crawlseq-sequences", "sequences/ls-survey.yaml",
                sequence.length(), "etag", versionId, "0000000000000001", LOCALSTACK.getRegion(), Instant.now());

        assertThat(deployer.invoke(upload).at("/results/0/outcome").asText()).isEqualTo("DEPLOYED");
        JsonNode started = starter.invoke(LambdaJson.parse("{\"sequence\": \"ls-survey\"}"));
        assertThat(started.path("status").asText()).isEqualTo("STARTED");
        DescribeExecutionResponse done = awaitEnd(sfn, started.path("executionArn").asText(), Duration.ofMinutes(5));
        recorder.invoke(new ExecutionStatusChange(done.executionArn(), done.stateMachineArn(), done.name(),
                done.statusAsString(), done.startDate(), Optional.ofNullable(done.stopDate()), done.input(),
                Optional.ofNullable(done.output()), Optional.ofNullable(done.error()), Optional.ofNullable(done.cause()))
                .toEvent(LOCALSTACK.getRegion(), "000000000000"));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        var detail = storage.runs().runDetail(started.path("runId").asText()).orElseThrow();
        assertThat(detail.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(detail.steps()).anySatisfy(step -> assertThat(step.stepId()).isEqualTo("topics"));
    }

    /** Polls DescribeExecution until the execution ends (LocalStack offers no completion callback). */
    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(deadline)) {
                return described;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
