package io.crawlseq.functions.control;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.functions.support.Priming;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.SequenceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The run starter: invoked by a sequence's EventBridge Scheduler schedule
 * ({@code {"sequence", "scheduledTime", "scheduleArn"}}) or directly
 * ({@code aws lambda invoke --payload '{"sequence": "guardian-survey", "context": {...}}'}); answers
 * {@code {"status": "STARTED", "runId", "executionArn", ...}} or {@code {"status": "REJECTED",
 * "reason"}} (an unknown sequence or a bad request is an answer, not a function error).
 */
public final class RunStarterFunction implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarterFunction.class);

    private final Starter starter;
    private final Telemetry telemetry;
    /** Held so CRaC's weakly referencing context keeps the priming hook. */
    private final Resource primingHook;

    /** Used by the Lambda runtime. */
    public RunStarterFunction() {
        this(RunSetup.starter(FunctionEnvironment.system()),
                Telemetry.forEnvironment(FunctionEnvironment.system(), "run-starter"));
    }

    RunStarterFunction(Starter starter, Telemetry telemetry) {
        this.starter = Objects.requireNonNull(starter, "starter");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.primingHook = Priming.onCheckpoint(() -> starter.start(LambdaJson.parse(
                "{\"sequence\": \"snapstart-priming\", \"context\": {\"startUrl\": \"https://example.com/\"}}")));
    }

    /** The run starter over given stores and clients (the local stack and tests use local endpoints). */
    public static RunStarterFunction create(SequenceRegistry registry, RunHistory runs, S3Client s3, SfnClient sfn,
                                            Clock clock) {
        return new RunStarterFunction(new Starter(registry, runs, new SequenceObjects(s3), sfn, clock), Telemetry.QUIET);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = LambdaJson.read(input);
        StartResult result;
        try {
            result = telemetry.invocation(context, () -> {
                StartResult r = starter.start(event);
                telemetry.metric(r instanceof StartResult.Started ? "RunsStarted" : "StartsRejected", 1,
                        Telemetry.Unit.COUNT);
                return r;
            });
        } catch (RuntimeException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        switch (result) {
            case StartResult.Started s -> LOG.info("started run {} of {} ({})", s.runId(), s.sequence(), s.executionArn());
            case StartResult.Rejected r -> LOG.warn("start of {} rejected: {}", r.sequence(), r.reason());
        }
        LambdaJson.write(output, result.toJson());
    }
}
