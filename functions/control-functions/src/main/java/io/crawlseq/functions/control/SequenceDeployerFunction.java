package io.crawlseq.functions.control;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.functions.support.Priming;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.store.SequenceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The sequence deployer: triggered by S3 {@code ObjectCreated} events of the sequences bucket
 * ({@code .json}, {@code .yaml}, {@code .yml} under the prefix), it validates, compiles and deploys
 * each uploaded sequence ({@link Deployer}). The response lists what happened to each object. When
 * another deployer holds a sequence the invocation fails after the other records are done, so
 * Lambda's retry of the asynchronous S3 event delivers it again.
 */
public final class SequenceDeployerFunction implements RequestStreamHandler {

    public static final String STATE_MACHINE_ROLE_ARN = "STATE_MACHINE_ROLE_ARN";
    public static final String STATE_MACHINE_ARN_PREFIX = "STATE_MACHINE_ARN_PREFIX";
    public static final String STATE_MACHINE_TRACING = "STATE_MACHINE_TRACING";
    public static final String SCHEDULE_GROUP = "SCHEDULE_GROUP";
    public static final String SCHEDULER_ROLE_ARN = "SCHEDULER_ROLE_ARN";
    public static final String RUN_STARTER_ARN = "RUN_STARTER_ARN";

    private static final Logger LOG = LoggerFactory.getLogger(SequenceDeployerFunction.class);

    private final Deployer deployer;
    private final Telemetry telemetry;
    /** Held so CRaC's weakly referencing context keeps the priming hook. */
    private final Resource primingHook;

    /** Used by the Lambda runtime. */
    public SequenceDeployerFunction() {
        this(DeployerSetup.fromEnvironment(FunctionEnvironment.system()));
    }

    /**
     * The deployer over given stores and clients, configured by {@code environment} like the deployed
     * function (the local stack and tests point the clients at local endpoints).
     */
    public static SequenceDeployerFunction create(FunctionEnvironment environment, SequenceRegistry registry,
                                                  S3Client s3, SfnClient sfn, SchedulerClient scheduler, Clock clock) {
        return new SequenceDeployerFunction(new DeployerSetup(
                DeployerSetup.create(environment, registry, s3, sfn, scheduler, clock), Telemetry.QUIET));
    }

    SequenceDeployerFunction(DeployerSetup setup) {
        Objects.requireNonNull(setup, "setup");
        this.deployer = setup.deployer();
        this.telemetry = setup.telemetry();
        this.primingHook = Priming.onCheckpoint(deployer::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = LambdaJson.read(input);
        ObjectNode response;
        try {
            response = telemetry.invocation(context, () -> deployAll(event, "deployer-" + context.getAwsRequestId()));
        } catch (RuntimeException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        LambdaJson.write(output, response);
    }

    private ObjectNode deployAll(JsonNode event, String owner) {
        List<DeployResult> results = new ArrayList<>();
        Deployer.DeploymentBusyException busy = null;
        for (S3Events.ObjectCreated created : S3Events.objectsCreated(event)) {
            try {
                DeployResult result = deployer.deploy(created, owner);
                LOG.info("{} {}: {}", result.outcome(), created.key(), result.detail());
                telemetry.metric(result.outcome().metricName(), 1, Telemetry.Unit.COUNT);
                results.add(result);
            } catch (Deployer.DeploymentBusyException e) {
                LOG.warn("{}: {}", created.key(), e.getMessage());
                busy = e;
            }
        }
        if (busy != null) {
            throw busy;
        }
        ObjectNode response = LambdaJson.object();
        ArrayNode list = response.putArray("results");
        results.forEach(r -> list.add(r.toJson()));
        return response;
    }
}
