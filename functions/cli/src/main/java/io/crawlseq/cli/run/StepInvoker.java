package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.task.FunctionError;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.engine.task.LambdaHandler;
import io.crawlseq.engine.task.TaskFailure;
import io.crawlseq.engine.task.TaskInvocation;
import io.crawlseq.engine.task.TaskInvoker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the compiled machine's Lambda tasks in-process: a mocked step from {@link MockResults},
 * any other from its command's handler. Records every invocation for the run report and tells the
 * {@link RunProgress} as steps start and finish.
 */
final class StepInvoker implements TaskInvoker {

    /** A step whose command has no handler in this build and no mock result. */
    static final String NO_HANDLER = "NoHandler";
    /** A mocked step invoked more often than it has mock results. */
    static final String MOCKS_EXHAUSTED = "MockResultsExhausted";

    private final MockResults mocks;
    private final CommandDispatcher dispatcher;
    private final RunProgress progress;
    private final Clock clock;
    private final List<StepRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> invocationsPerStep = new HashMap<>();

    StepInvoker(MockResults mocks, CommandDispatcher dispatcher, RunProgress progress, Clock clock) {
        this.mocks = mocks;
        this.dispatcher = dispatcher;
        this.progress = progress;
        this.clock = clock;
    }

    List<StepRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public JsonNode invoke(TaskInvocation invocation) throws TaskFailure, InterruptedException {
        JsonNode payload = invocation.payload();
        String command = payload.path("command").asText("?");
        String stepId = payload.path("stepId").asText(invocation.stateName());
        int number;
        synchronized (invocationsPerStep) {
            number = invocationsPerStep.merge(stepId, 1, Integer::sum);
        }
        Instant started = clock.instant();
        boolean mocked = mocks.covers(stepId, command);
        progress.stepStarted(stepId, command, number, mocked);
        try {
            JsonNode result = mocked ? mocked(stepId, command) : handled(command, payload, invocation);
            finish(stepId, command, number, payload, started, result.path("status").asText("success"), result, mocked);
            return result;
        } catch (TaskFailure failure) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.putObject("error").put("type", failure.error()).put("message", failure.cause());
            finish(stepId, command, number, payload, started, "failed", error, mocked);
            throw failure;
        }
    }

    private void finish(String stepId, String command, int number, JsonNode payload, Instant started, String status,
                        JsonNode result, boolean mocked) {
        long elapsed = Duration.between(started, clock.instant()).toMillis();
        StepRecord record = new StepRecord(stepId, command, number, payload.path("args"), started, elapsed, status,
                result, mocked);
        records.add(record);
        progress.stepFinished(record);
    }

    private JsonNode mocked(String stepId, String command) throws TaskFailure {
        Optional<JsonNode> next = mocks.next(stepId, command);
        if (next.isEmpty()) {
            throw new TaskFailure(MOCKS_EXHAUSTED, "step " + stepId + " (" + command
                    + ") was invoked more often than it has mock results; add another element to its list");
        }
        JsonNode element = next.get();
        if (MockResults.isFailure(element)) {
            throw new TaskFailure(element.get("error").textValue(),
                    element.path("cause").isTextual() ? element.get("cause").textValue() : "mocked failure");
        }
        return MockResults.asEnvelope(element, command);
    }

    private JsonNode handled(String command, JsonNode payload, TaskInvocation invocation) throws TaskFailure, InterruptedException {
        Optional<LambdaHandler> handler = dispatcher.handlerFor(command);
        if (handler.isEmpty()) {
            throw new TaskFailure(NO_HANDLER, "no handler for command '" + command
                    + "' in this build; script its results with --mock-results to test the sequence's logic");
        }
        try {
            return handler.get().handle(payload, invocation);
        } catch (FunctionError e) {
            throw FunctionRouter.functionError(e.errorType(), e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // like the Java Lambda runtime: the exception's class names the error
            throw FunctionRouter.functionError(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }
}
