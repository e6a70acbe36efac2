package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.localstack.s3events.LocalS3Notifications;
import io.crawlseq.localstack.scheduler.LocalScheduler;
import io.crawlseq.localstack.stepfunctions.LocalStepFunctions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The AWS side of the control functions, locally: the test's tables and buckets (LocalAwsExtension),
 * a Step Functions endpoint whose command functions answer neutral envelopes, and a Scheduler
 * endpoint recording what it fires. Clients are the SDK's, pointed at the endpoints.
 */
final class ControlStack implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String PREFIX = "crawlseq-";
    static final String GROUP = "crawlseq";
    static final String STARTER_ARN = "arn:aws:lambda:us-east-1:123456789012:function:crawlseq-RunStarterFunction";

    final LocalAwsExtension aws;
    final String sequencesBucket;
    final LocalStepFunctions stepFunctions;
    final LocalScheduler scheduler;
    final SfnClient sfn;
    final SchedulerClient schedulerClient;
    final List<ObjectNode> fired = new CopyOnWriteArrayList<>();
    private long sequencer = 0x100;

    ControlStack(LocalAwsExtension aws) {
        this.aws = aws;
        this.sequencesBucket = aws.createBucket("sequences");
        aws.s3().putBucketVersioning(b -> b.bucket(sequencesBucket).versioningConfiguration(v -> v.status("Enabled")));
        FunctionRouter.Builder functions = FunctionRouter.builder();
        for (CommandSpec spec : CommandRegistry.standard().deployed()) {
            functions.route(functionArn(spec), (payload, call) -> {
                ObjectNode envelope = spec.neutralFields();
                envelope.put("command", spec.name()).put("status", "success").put("success", true);
                return envelope;
            });
        }
        this.stepFunctions = LocalStepFunctions.builder().taskInvoker(functions.build()).delayScale(0).start();
        this.scheduler = LocalScheduler.start(0, (arn, input) -> {
            fired.add((ObjectNode) input);
            return LambdaJson.object();
        }, REGION, ACCOUNT, Clock.systemUTC(), false);
        this.sfn = SfnClient.builder().endpointOverride(stepFunctions.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        this.schedulerClient = SchedulerClient.builder().endpointOverride(scheduler.endpoint())
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static String functionArn(CommandSpec spec) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + PREFIX + spec.lambda().orElseThrow().logicalId();
    }

    static FunctionEnvironment deployerEnvironment() {
        Map<String, String> arns = new HashMap<>();
        CommandRegistry.standard().deployed().forEach(spec ->
                arns.put(spec.lambda().orElseThrow().arnSubstitutionName(), functionArn(spec)));
        return FunctionEnvironment.of(Map.of(
                FunctionArns.ENVIRONMENT_VARIABLE, LambdaJson.text(LambdaJson.mapper().valueToTree(arns)),
                ProjectNames.ENVIRONMENT_VARIABLE, PREFIX,
                SequenceUploads.ENVIRONMENT_VARIABLE, "sequences/",
                SequenceDeployerFunction.STATE_MACHINE_ROLE_ARN, "arn:aws:iam::123456789012:role/crawlseq-StateMachineRole",
                SequenceDeployerFunction.STATE_MACHINE_ARN_PREFIX, "arn:aws:states:us-east-1:123456789012:stateMachine:",
                SequenceDeployerFunction.SCHEDULE_GROUP, GROUP,
                SequenceDeployerFunction.SCHEDULER_ROLE_ARN, "arn:aws:iam::123456789012:role/crawlseq-SchedulerRole",
                SequenceDeployerFunction.RUN_STARTER_ARN, STARTER_ARN));
    }

    Deployer deployer() {
        return DeployerSetup.create(deployerEnvironment(), aws.storage().registry(), aws.s3(), sfn, schedulerClient,
                Clock.systemUTC());
    }

    Starter starter() {
        return new Starter(aws.storage().registry(), aws.storage().runs(), new SequenceObjects(aws.s3()), sfn,
                Clock.systemUTC());
    }

    /** An uploaded object and the event S3 sends for it. */
    record Upload(String key, String versionId, S3Events.ObjectCreated created, ObjectNode event) {
    }

    /** Uploads {@code content} to {@code key}; the event carries the next (growing) sequencer. */
    Upload upload(String key, String content) {
        String versionId = aws.s3().putObject(b -> b.bucket(sequencesBucket).key(key), RequestBody.fromString(content))
                .versionId();
        ObjectNode event = LocalS3Notifications.objectCreated(sequencesBucket, key, content.length(), "etag", versionId,
                String.format("%016X", sequencer++), REGION, Instant.now());
        return new Upload(key, versionId, S3Events.objectsCreated(event).getFirst(), event);
    }

    String object(String key) {
        return aws.s3().getObjectAsBytes(b -> b.bucket(sequencesBucket).key(key)).asUtf8String();
    }

    boolean exists(String key) {
        return new SequenceObjects(aws.s3()).exists(sequencesBucket, key);
    }

    @Override
    public void close() {
        sfn.close();
        schedulerClient.close();
        stepFunctions.close();
        scheduler.close();
    }
}
