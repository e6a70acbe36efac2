package io.crawlseq.functions.control;

import io.crawlseq.functions.support.AwsClients;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.SequenceRegistry;
import io.crawlseq.store.dynamodb.AwsStorage;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The sequence deployer's collaborators, built once per execution environment from the variables
 * template.yaml sets:
 * <ul>
 *   <li>{@value SequenceUploads#ENVIRONMENT_VARIABLE}: where sequences are uploaded ({@code sequences/})</li>
 *   <li>{@value ProjectNames#ENVIRONMENT_VARIABLE}: the name prefix of state machines and schedules</li>
 *   <li>{@value #STATE_MACHINE_ROLE_ARN}, {@value #STATE_MACHINE_ARN_PREFIX}, optional {@value #STATE_MACHINE_TRACING}</li>
 *   <li>{@value FunctionArns#ENVIRONMENT_VARIABLE}: the command functions' ARNs</li>
 *   <li>{@value #SCHEDULE_GROUP}, {@value #SCHEDULER_ROLE_ARN}, {@value #RUN_STARTER_ARN}</li>
 *   <li>the tables of {@link AwsStorage} (the deployer uses the sequences table)</li>
 * </ul>
 */
record DeployerSetup(Deployer deployer, Telemetry telemetry) {

    static final String STATE_MACHINE_ROLE_ARN = SequenceDeployerFunction.STATE_MACHINE_ROLE_ARN;
    static final String STATE_MACHINE_ARN_PREFIX = SequenceDeployerFunction.STATE_MACHINE_ARN_PREFIX;
    static final String STATE_MACHINE_TRACING = SequenceDeployerFunction.STATE_MACHINE_TRACING;
    static final String SCHEDULE_GROUP = SequenceDeployerFunction.SCHEDULE_GROUP;
    static final String SCHEDULER_ROLE_ARN = SequenceDeployerFunction.SCHEDULER_ROLE_ARN;
    static final String RUN_STARTER_ARN = SequenceDeployerFunction.RUN_STARTER_ARN;

    DeployerSetup {
        Objects.requireNonNull(deployer, "deployer");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    static DeployerSetup fromEnvironment(FunctionEnvironment environment) {
        AwsClients clients = new AwsClients(environment);
        S3Client s3 = clients.configure(S3Client.builder().forcePathStyle(clients.s3PathStyle()));
        DynamoDbClient dynamoDb = clients.configure(DynamoDbClient.builder());
        SequenceRegistry registry = AwsStorage.fromEnvironment(environment.asMap(), dynamoDb, s3).registry();
        return new DeployerSetup(create(environment, registry, s3, clients.configure(SfnClient.builder()),
                clients.configure(SchedulerClient.builder()), Clock.systemUTC()),
                Telemetry.forEnvironment(environment, "sequence-deployer"));
    }

    /** The deployer over given clients (the local stack and tests point them at local endpoints). */
    static Deployer create(FunctionEnvironment environment, SequenceRegistry registry, S3Client s3, SfnClient sfn,
                                  SchedulerClient scheduler, Clock clock) {
        CommandRegistry commands = CommandRegistry.standard();
        FunctionArns arns = FunctionArns.parse(environment.require(FunctionArns.ENVIRONMENT_VARIABLE), commands);
        StateMachines machines = new StateMachines(sfn, environment.require(STATE_MACHINE_ARN_PREFIX),
                environment.require(STATE_MACHINE_ROLE_ARN),
                environment.optional(STATE_MACHINE_TRACING).map(Boolean::parseBoolean).orElse(false));
        Schedules schedules = new Schedules(scheduler, environment.require(SCHEDULE_GROUP),
                environment.require(RUN_STARTER_ARN), environment.require(SCHEDULER_ROLE_ARN));
        return new Deployer(registry, new SequenceObjects(s3), machines, schedules,
                new SequenceCompiler(commands, arns.resolver()),
                new ProjectNames(environment.require(ProjectNames.ENVIRONMENT_VARIABLE)),
                new SequenceUploads(environment.optional(SequenceUploads.ENVIRONMENT_VARIABLE)
                        .orElse(SequenceUploads.DEFAULT_PREFIX)), clock);
    }
}
