package io.crawlseq.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.script.BlobScriptSource;
import io.crawlseq.commands.script.LocalScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.functions.command.CommandFunction;
import io.crawlseq.functions.command.CommandFunctionSetup;
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
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.localstack.LocalService;
import io.crawlseq.localstack.LocalStack;
import io.crawlseq.localstack.s3events.LocalS3Notifications;
import io.crawlseq.localstack.scheduler.LocalScheduler;
import io.crawlseq.localstack.stepfunctions.LocalStepFunctions;
import io.crawlseq.sandbox.WorkerJvm;
import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.TableNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The whole AWS deployment on one machine, without Docker: DynamoDB Local and s3proxy (the tables and
 * buckets of template.yaml), a Step Functions endpoint running executions on the local engine, an
 * EventBridge Scheduler endpoint, S3 event notifications from the sequences bucket, and every
 * function of the template in-process — the crawl command functions, the sequence deployer, the run
 * starter and the run recorder — built with the same code as in Lambda and wired as the template
 * wires them: uploads reach the deployer, schedules the run starter, Task states the command
 * functions, execution status changes the run recorder. The functions' SDK clients are the Lambda
 * ones with an endpoint override.
 *
 * <p>{@code crawl-sequence local-stack} runs one for people; the system tests drive one directly.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = LocalAwsClients.REGION.id();
    public static final String ACCOUNT = "123456789012";
    public static final String PROJECT = "crawlseq";
    public static final String NAME_PREFIX = PROJECT + "-";
    public static final String SEQUENCES_BUCKET = PROJECT + "-sequences";
    public static final String RESULTS_BUCKET = PROJECT + "-results";
    public static final String SEQUENCES_PREFIX = SequenceUploads.DEFAULT_PREFIX;
    public static final String STATE_MACHINE_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + NAME_PREFIX + "StateMachineRole";
    public static final String SCHEDULER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + NAME_PREFIX + "SchedulerRole";
    public static final String DEPLOYER = NAME_PREFIX + "SequenceDeployerFunction";
    public static final String RUN_STARTER = NAME_PREFIX + "RunStarterFunction";
    public static final String RUN_RECORDER = NAME_PREFIX + "RunRecorderFunction";

    /**
     * How to run it.
     *
     * @param dataDir   persist everything under it (tables, buckets, state machines, schedules);
     *                  empty for in memory
     * @param ports     fixed ports by service name ({@code dynamodb}, {@code s3}, {@code stepfunctions},
     *                  {@code scheduler}); the others get free ports
     * @param realTime  Wait states, retry intervals and {@code rate()} schedules in real time, and the
     *                  sequences bucket watched every second (a laptop); off, nothing waits and nothing
     *                  happens by itself (tests)
     * @param crawler   the command functions' crawler configuration (allow-list, user agent)
     * @param scriptSandbox run {@code runScript} steps in the script sandbox (a worker JVM per script,
     *                  scripts read from the sequences bucket next to the sequences, as in AWS); off,
     *                  script steps fail saying no script runner is configured
     */
    public record Options(Optional<Path> dataDir, Map<String, Integer> ports, boolean realTime, CrawlerConfig crawler,
                          boolean scriptSandbox) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            ports = Map.copyOf(ports);
            Objects.requireNonNull(crawler, "crawler");
        }

        /** In memory, free ports, nothing waits, no script sandbox: what tests use. */
        public static Options forTests(CrawlerConfig crawler) {
            return new Options(Optional.empty(), Map.of(), false, crawler, false);
        }

        int port(String service) {
            return ports.getOrDefault(service, 0);
        }
    }

    private final LocalStack stack;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SfnClient sfn;
    private final SchedulerClient schedulerClient;
    private final TableNames tables;
    private final Storage storage;
    private final Map<String, InProcessFunction> functions = new ConcurrentHashMap<>();
    private final LocalStepFunctions stepFunctions;
    private final LocalScheduler scheduler;
    private final LocalS3Notifications notifications;
    private final Optional<LocalScriptExecutor> scripts;

    private LocalCloud(Options options) {
        Clock clock = Clock.systemUTC();
        stack = LocalStack.start(options.dataDir(), options.port("dynamodb"), options.port("s3"));
        dynamoDb = stack.dynamoDb().newClient();
        s3 = stack.s3().newClient();
        tables = TableNames.withPrefix(NAME_PREFIX);
        TableProvisioner.createMissing(dynamoDb, tables);
        createBucket(SEQUENCES_BUCKET, true);
        createBucket(RESULTS_BUCKET, false);
        storage = DynamoStorage.create(dynamoDb, tables, S3BlobStore.of(s3, RESULTS_BUCKET), StoreSettings.defaults());

        scripts = options.scriptSandbox()
                ? Optional.of(new LocalScriptExecutor(new BlobScriptSource(S3BlobStore.of(s3, SEQUENCES_BUCKET),
                        SEQUENCES_PREFIX), options.crawler(), WorkerJvm.detect()))
                : Optional.empty();
        CommandServices services = new CommandServices(CrawlerFactory.configured(options.crawler()), storage,
                scripts.<ScriptExecutor>map(s -> s).orElse(ScriptExecutor.UNAVAILABLE), clock, CommandProgress.NONE);
        for (CommandSpec spec : CommandRegistry.standard().deployed()) {
            LambdaSettings lambda = spec.lambda().orElseThrow();
            register(new InProcessFunction(spec(NAME_PREFIX + lambda.logicalId(), lambda.memoryMb(), lambda.timeoutSeconds()),
                    new CommandFunction(new CommandFunctionSetup(spec.name(), services, Telemetry.QUIET))));
        }
        FunctionRouter.Builder router = FunctionRouter.builder();
        functions.forEach((name, function) -> router.route(name, (payload, call) -> function.invoke(payload)));

        LocalStepFunctions.Builder sfnBuilder = LocalStepFunctions.builder().taskInvoker(router.build()).region(REGION)
                .account(ACCOUNT).clock(clock).delayScale(options.realTime() ? 1 : 0).port(options.port("stepfunctions"));
        options.dataDir().ifPresent(d -> sfnBuilder.stateFile(d.resolve("stepfunctions.json")));
        stepFunctions = stack.adopt(sfnBuilder.start()).service(LocalStepFunctions.class).orElseThrow();
        LocalScheduler.TargetInvoker target = (arn, input) -> invoke(arn, input);
        scheduler = options.dataDir()
                .map(d -> LocalScheduler.start(options.port("scheduler"), target, REGION, ACCOUNT, clock,
                        options.realTime(), d.resolve("scheduler.json")))
                .orElseGet(() -> LocalScheduler.start(options.port("scheduler"), target, REGION, ACCOUNT, clock,
                        options.realTime()));
        stack.adopt(scheduler);
        sfn = SfnClient.builder().endpointOverride(stepFunctions.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.credentials())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
        schedulerClient = SchedulerClient.builder().endpointOverride(scheduler.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.credentials())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();

        register(new InProcessFunction(spec(DEPLOYER, 1024, 60), SequenceDeployerFunction.create(deployerEnvironment(),
                storage.registry(), s3, sfn, schedulerClient, clock)));
        register(new InProcessFunction(spec(RUN_STARTER, 1024, 30), RunStarterFunction.create(storage.registry(),
                storage.runs(), s3, sfn, clock)));
        InProcessFunction recorder = register(new InProcessFunction(spec(RUN_RECORDER, 512, 30),
                RunRecorderFunction.create(storage.runs(), NAME_PREFIX)));
        stepFunctions.onStatusChange(change -> {
            try {
                recorder.invoke(change.toEvent(REGION, ACCOUNT));
            } catch (Exception e) {
                throw new IllegalStateException("the run recorder failed on " + change.executionArn(), e);
            }
        });
        notifications = LocalS3Notifications.watch(s3, new LocalS3Notifications.Rule(SEQUENCES_BUCKET, SEQUENCES_PREFIX,
                List.of(".json", ".yaml", ".yml"), functionArn(DEPLOYER)), this::invoke, REGION, clock);
        if (options.realTime()) {
            notifications.start(Duration.ofSeconds(1));
        }
    }

    /**
     * Starts everything. Closing stops it (in reverse order) and, with a data directory, leaves the
     * tables, buckets, state machines and schedules there for the next start.
     */
    public static LocalCloud start(Options options) {
        return new LocalCloud(options);
    }

    private static FunctionSpec spec(String name, int memoryMb, int timeoutSeconds) {
        return FunctionSpec.of(name, REGION, ACCOUNT, memoryMb, timeoutSeconds);
    }

    public static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    private InProcessFunction register(InProcessFunction function) {
        functions.put(function.spec().name(), function);
        return function;
    }

    /** The deployer's environment, as template.yaml would set it for this stack. */
    private FunctionEnvironment deployerEnvironment() {
        Map<String, String> arns = new TreeMap<>();
        CommandRegistry.standard().deployed().forEach(spec -> {
            LambdaSettings lambda = spec.lambda().orElseThrow();
            arns.put(lambda.arnSubstitutionName(), functionArn(NAME_PREFIX + lambda.logicalId()));
        });
        return FunctionEnvironment.of(Map.of(
                FunctionArns.ENVIRONMENT_VARIABLE, LambdaJson.text(LambdaJson.mapper().valueToTree(arns)),
                ProjectNames.ENVIRONMENT_VARIABLE, NAME_PREFIX,
                SequenceUploads.ENVIRONMENT_VARIABLE, SEQUENCES_PREFIX,
                SequenceDeployerFunction.STATE_MACHINE_ROLE_ARN, STATE_MACHINE_ROLE,
                SequenceDeployerFunction.STATE_MACHINE_ARN_PREFIX, "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:",
                SequenceDeployerFunction.SCHEDULE_GROUP, PROJECT,
                SequenceDeployerFunction.SCHEDULER_ROLE_ARN, SCHEDULER_ROLE,
                SequenceDeployerFunction.RUN_STARTER_ARN, functionArn(RUN_STARTER)));
    }

    /** Invokes a function by name or ARN synchronously, as {@code aws lambda invoke} would. */
    public JsonNode invoke(String nameOrArn, JsonNode event) throws Exception {
        InProcessFunction function = functions.get(FunctionRouter.functionKey(nameOrArn));
        if (function == null) {
            throw new IllegalArgumentException("no function " + nameOrArn + " (known: " + functions.keySet() + ")");
        }
        return function.invoke(event);
    }

    private void createBucket(String name, boolean versioned) {
        try {
            s3.headBucket(b -> b.bucket(name));
        } catch (SdkException missing) {
            s3.createBucket(b -> b.bucket(name));
        }
        if (versioned) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        }
    }

    public Storage storage() {
        return storage;
    }

    public S3Client s3() {
        return s3;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public SchedulerClient schedulerClient() {
        return schedulerClient;
    }

    public LocalStepFunctions stepFunctions() {
        return stepFunctions;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    /** The sequences bucket's event notifications (call {@code poll()} after an upload when not in real time). */
    public LocalS3Notifications notifications() {
        return notifications;
    }

    public TableNames tables() {
        return tables;
    }

    public List<LocalService> services() {
        return stack.services();
    }

    /** The endpoint URL of each service, by name. */
    public Map<String, String> endpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        stack.services().forEach(s -> out.put(s.name(), s.endpoint().toString()));
        return out;
    }

    /**
     * What to export so tools reach this stack: the AWS CLI and SDKs ({@code AWS_ENDPOINT_URL_*},
     * dummy credentials the local servers accept) and the functions' own variables (table names,
     * buckets), e.g. to run {@code crawl-sequence history} or {@code sam local invoke} against it.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", LocalAwsClients.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAwsClients.SECRET_ACCESS_KEY);
        env.put("AWS_REGION", REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", stack.s3().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SCHEDULER", scheduler.endpoint().toString());
        env.put("CRAWLSEQ_S3_PATH_STYLE", "true");
        for (StoreTable table : StoreTable.values()) {
            env.put(table.environmentVariable(), tables.of(table));
        }
        env.put("RESULTS_BUCKET", RESULTS_BUCKET);
        env.put("SEQUENCES_BUCKET", SEQUENCES_BUCKET);
        return env;
    }

    @Override
    public void close() {
        notifications.close();
        scripts.ifPresent(LocalScriptExecutor::close);
        sfn.close();
        schedulerClient.close();
        dynamoDb.close();
        s3.close();
        stack.close();
    }
}
