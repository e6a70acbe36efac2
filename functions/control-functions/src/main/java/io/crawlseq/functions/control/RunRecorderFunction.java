package io.crawlseq.functions.control;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.functions.support.Priming;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.store.RunHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.crac.Resource;

/**
 * The run recorder: an EventBridge rule sends it every "Step Functions Execution Status Change" of
 * the project's state machines, and it keeps the run record in step ({@link Recorder}): how a run
 * learns that it ended, with no poller and no wait in the run starter.
 */
public final class RunRecorderFunction implements RequestStreamHandler {

    private final Recorder recorder;
    private final Telemetry telemetry;
    /** Held so CRaC's weakly referencing context keeps the priming hook. */
    private final Resource primingHook;

    /** Used by the Lambda runtime. */
    public RunRecorderFunction() {
        this(RunSetup.recorder(FunctionEnvironment.system()),
                Telemetry.forEnvironment(FunctionEnvironment.system(), "run-recorder"));
    }

    RunRecorderFunction(Recorder recorder, Telemetry telemetry) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.primingHook = Priming.onCheckpoint(() -> recorder.record(LambdaJson.parse("{\"detail-type\": \""
                + Recorder.DETAIL_TYPE + "\", \"detail\": {\"name\": \"snapstart-priming\", \"executionArn\": "
                + "\"arn:aws:states:us-east-1:123456789012:execution:priming:snapstart-priming\", \"status\": "
                + "\"SUCCEEDED\", \"startDate\": 0, \"stopDate\": 1, \"input\": \"{}\"}}")));
    }

    /** The run recorder over given run history (local stack, tests). */
    public static RunRecorderFunction create(RunHistory runs, String namePrefix) {
        return new RunRecorderFunction(new Recorder(runs, new ProjectNames(namePrefix)), Telemetry.QUIET);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = LambdaJson.read(input);
        Recorder.Recorded recorded;
        try {
            recorded = telemetry.invocation(context, () -> recorder.record(event));
        } catch (RuntimeException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ObjectNode response = LambdaJson.object();
        response.put("recorded", recorded.name());
        response.put("runId", event.path("detail").path("name").asText(""));
        LambdaJson.write(output, response);
    }
}
