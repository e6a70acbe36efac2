package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ErrorNames;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.ExecutionStatus;
import io.crawlseq.engine.asl.Catcher;
import io.crawlseq.engine.asl.ChoiceRule;
import io.crawlseq.engine.asl.PayloadTemplate;
import io.crawlseq.engine.asl.Retrier;
import io.crawlseq.engine.asl.State;
import io.crawlseq.engine.asl.StateGraph;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;
import io.crawlseq.engine.jsonpath.JsonPath;
import io.crawlseq.engine.task.TaskFailure;
import io.crawlseq.engine.task.TaskInvocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One execution of a state machine: the interpreter loop, data flow, retries and catchers, task calls,
 * Map iterations and Parallel branches, and the history. Created and driven by LocalEngine; not public API.
 *
 * <p>Values are treated as immutable: states share JSON nodes and only ever build new ones, handlers
 * get private copies of their payloads.
 */
public final class ExecutionRun {

    private final EngineSettings settings;
    private final StateMachine machine;
    private final String executionArn;
    private final String executionName;
    private final String stateMachineArn;
    private final JsonNode input;
    private final Instant startDate;
    private final HistoryRecorder history;
    private final Cancellation root = new Cancellation();
    private final ObjectNode executionContext;
    private final ObjectNode stateMachineContext;
    private final CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String stopError;
    private volatile String stopCause;

    public ExecutionRun(EngineSettings settings, StateMachine machine, JsonNode input, String executionName,
                        String stateMachineName) {
        this.settings = settings;
        this.machine = machine;
        this.input = input;
        this.executionName = executionName;
        String arnPrefix = "arn:aws:states:" + settings.region() + ":" + settings.accountId() + ":";
        this.stateMachineArn = arnPrefix + "stateMachine:" + stateMachineName;
        this.executionArn = arnPrefix + "execution:" + stateMachineName + ":" + executionName;
        this.startDate = settings.clock().instant();
        this.history = new HistoryRecorder(executionArn, settings.clock(), settings.listeners(), settings.historyEventLimit());
        this.executionContext = Json.object();
        executionContext.put("Id", executionArn);
        executionContext.set("Input", input);
        executionContext.put("Name", executionName);
        executionContext.put("RoleArn", settings.roleArn());
        executionContext.put("StartTime", Timestamps.format(startDate));
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = Json.object();
        stateMachineContext.put("Id", stateMachineArn);
        stateMachineContext.put("Name", stateMachineName);
        recordStart();
    }

    /** Recorded as soon as the execution exists, so a stop or timeout before it runs still follows it. */
    private void recordStart() {
        ObjectNode started = Json.object();
        started.put("input", Json.render(input));
        started.set("inputDetails", notTruncated());
        started.put("roleArn", settings.roleArn());
        new Lane(history, 0).record(HistoryEventType.ExecutionStarted, started);
    }

    public String executionArn() {
        return executionArn;
    }

    public String executionName() {
        return executionName;
    }

    public CompletableFuture<ExecutionResult> completion() {
        return completion;
    }

    /**
     * Stops the execution as StopExecution does: it ends ABORTED at once, running work is cancelled and
     * whatever it still does is no longer recorded.
     */
    public void stop(String error, String cause) {
        stopError = error;
        stopCause = cause;
        root.cancel(Cancellation.Reason.EXECUTION_STOPPED);
        interrupted(Cancellation.Reason.EXECUTION_STOPPED, new Lane(history, history.lastEventId()));
    }

    /** Called when the machine's TimeoutSeconds has passed: the execution ends TIMED_OUT at once. */
    public void timeOut() {
        root.cancel(Cancellation.Reason.EXECUTION_TIMED_OUT);
        interrupted(Cancellation.Reason.EXECUTION_TIMED_OUT, new Lane(history, history.lastEventId()));
    }

    /** The execution as it stands, with the history so far. */
    public ExecutionResult snapshot() {
        ExecutionResult done = completion.getNow(null);
        return done != null ? done : new ExecutionResult(executionArn, executionName, stateMachineArn,
                ExecutionStatus.RUNNING, input, null, null, null, startDate, null, history.snapshot());
    }

    /** Runs the execution on the calling thread to its end. */
    public ExecutionResult run() {
        // As in AWS histories, the first state's entered event names no predecessor.
        Lane first = new Lane(history, 0);
        try {
            checkSize(Json.render(input), "The execution input");
            JsonNode output = runGraph(machine.graph(), input, new Scope(first, root));
            return finish(ExecutionStatus.SUCCEEDED, output, null, null, first);
        } catch (StatesError e) {
            Cancellation.Reason reason = root.reason();
            if (reason != null) {
                return interrupted(reason, first);
            }
            return finish(ExecutionStatus.FAILED, null, e.error(), e.cause(), first);
        } catch (ExecutionInterrupted e) {
            return interrupted(root.reason() != null ? root.reason() : e.reason(), first);
        } catch (RuntimeException | Error bug) {
            // A defect in the engine or an invoker: end the execution so nobody waits forever, then surface it.
            finish(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, "The local engine failed: " + bug, first);
            throw bug;
        }
    }

    private ExecutionResult interrupted(Cancellation.Reason reason, Lane lane) {
        if (reason == Cancellation.Reason.EXECUTION_STOPPED) {
            return finish(ExecutionStatus.ABORTED, null, stopError, stopCause, lane);
        }
        return finish(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT,
                "The execution ran longer than its TimeoutSeconds (" + machine.timeoutSeconds() + ")", lane);
    }

    /** Ends the execution once; whoever comes second (run thread, stop, timeout) gets the first ending. */
    private ExecutionResult finish(ExecutionStatus status, JsonNode output, String error, String cause, Lane lane) {
        if (!finished.compareAndSet(false, true)) {
            return completion.join();
        }
        ObjectNode details = Json.object();
        HistoryEventType type;
        switch (status) {
            case SUCCEEDED -> {
                type = HistoryEventType.ExecutionSucceeded;
                details.put("output", Json.render(output));
                details.set("outputDetails", notTruncated());
            }
            case FAILED -> type = HistoryEventType.ExecutionFailed;
            case TIMED_OUT -> type = HistoryEventType.ExecutionTimedOut;
            default -> type = HistoryEventType.ExecutionAborted;
        }
        if (status != ExecutionStatus.SUCCEEDED) {
            putIfNotNull(details, "error", error);
            putIfNotNull(details, "cause", cause);
        }
        HistoryEvent last = lane.record(type, details);
        history.close();
        ExecutionResult result = new ExecutionResult(executionArn, executionName, stateMachineArn, status, input,
                output, error, cause, startDate, last.timestamp(), history.snapshot());
        root.cancel(Cancellation.Reason.EXECUTION_STOPPED); // releases anything still waiting
        completion.complete(result);
        return result;
    }

    // ---- graphs and states ----

    /** Where work runs: the lane its events go to and the cancellation it obeys. */
    private record Scope(Lane lane, Cancellation cancellation) {
        void checkCancelled() {
            if (cancellation.isCancelled()) {
                throw new ExecutionInterrupted(cancellation.reason());
            }
        }
    }

    /** A state's output, where to go next, and the output's JSON text when already rendered (else null). */
    private record Step(JsonNode output, String next, String outputText) {
        Step(JsonNode output, String next) {
            this(output, next, null);
        }
    }

    /** What the context object's State (and Map) parts hold while a state runs. */
    private record StateContext(String stateName, Instant enteredTime, int retryCount, Integer mapIndex,
                                JsonNode mapValue) {
        StateContext withRetry(int count) {
            return new StateContext(stateName, enteredTime, count, mapIndex, mapValue);
        }

        StateContext withMapItem(int index, JsonNode value) {
            return new StateContext(stateName, enteredTime, retryCount, index, value);
        }
    }

    private JsonNode runGraph(StateGraph graph, JsonNode graphInput, Scope scope) {
        String current = graph.startAt();
        JsonNode data = graphInput;
        String dataText = null;
        while (true) {
            scope.checkCancelled();
            // Each state's input is rendered once for its entered event, reusing the previous exit's text.
            Step step = runState(graph.state(current), data, dataText == null ? Json.render(data) : dataText, scope);
            if (step.next() == null) {
                return step.output();
            }
            data = step.output();
            dataText = step.outputText();
            current = step.next();
        }
    }

    private Step runState(State state, JsonNode stateInput, String stateInputText, Scope scope) {
        ObjectNode entered = Json.object();
        entered.put("name", state.name());
        entered.put("input", stateInputText);
        entered.set("inputDetails", notTruncated());
        HistoryEvent event = scope.lane().record(HistoryEventType.entered(state.type()), entered);
        StateContext context = new StateContext(state.name(), event.timestamp(), 0, null, null);
        try {
            return switch (state) {
                case State.Pass pass -> pass(pass, stateInput, context, scope);
                case State.Task task -> task(task, stateInput, context, event.id(), scope);
                case State.Choice choice -> choice(choice, stateInput, context, scope);
                case State.Wait wait -> waitState(wait, stateInput, context, scope);
                case State.Succeed succeed -> succeed(succeed, stateInput, context, scope);
                case State.Fail fail -> throw fail(fail, stateInput, context);
                case State.Map map -> map(map, stateInput, context, event.id(), scope);
                case State.Parallel parallel -> parallel(parallel, stateInput, context, event.id(), scope);
            };
        } catch (StatesError e) {
            throw e.locatedIn(state.name(), event.id());
        }
    }

    private Step exit(State state, JsonNode output, Scope scope) {
        String text = Json.render(output);
        checkSize(text, "The state '" + state.name() + "'");
        ObjectNode exited = Json.object();
        exited.put("name", state.name());
        exited.put("output", text);
        exited.set("outputDetails", notTruncated());
        scope.lane().record(HistoryEventType.exited(state.type()), exited);
        return new Step(output, state.next(), text);
    }

    private Step pass(State.Pass pass, JsonNode stateInput, StateContext context, Scope scope) {
        JsonNode effective = effectiveInput(pass.inputPath(), pass.parameters(), stateInput, context);
        JsonNode result = pass.result() != null ? pass.result() : effective;
        JsonNode output = DataFlow.select(pass.outputPath(), DataFlow.applyResultPath(pass.resultPath(), stateInput, result),
                contextSupplier(context));
        return exit(pass, output, scope);
    }

    private Step succeed(State.Succeed succeed, JsonNode stateInput, StateContext context, Scope scope) {
        Supplier<JsonNode> ctx = contextSupplier(context);
        JsonNode output = DataFlow.select(succeed.outputPath(), DataFlow.select(succeed.inputPath(), stateInput, ctx), ctx);
        return exit(succeed, output, scope);
    }

    private StatesError fail(State.Fail fail, JsonNode stateInput, StateContext context) {
        String error = fail.errorPath() != null ? textAt(fail.errorPath(), "ErrorPath", stateInput, context) : fail.error();
        String cause = fail.causePath() != null ? textAt(fail.causePath(), "CausePath", stateInput, context) : fail.cause();
        return new StatesError(error, cause);
    }

    private String textAt(JsonPath path, String field, JsonNode stateInput, StateContext context) {
        JsonNode value = path.find(path.isContextPath() ? contextObject(context) : stateInput)
                .orElseThrow(() -> StatesError.runtime("The JSONPath '" + path.text() + "' specified for the field '"
                        + field + "' could not be found in the input '" + Json.render(stateInput) + "'"));
        if (!value.isTextual()) {
            throw StatesError.runtime("The value at the JSONPath '" + path.text() + "' of the field '" + field
                    + "' must be a string, not " + Json.render(value));
        }
        return value.textValue();
    }

    private Step choice(State.Choice choice, JsonNode stateInput, StateContext context, Scope scope) {
        Supplier<JsonNode> ctx = contextSupplier(context);
        JsonNode effective = DataFlow.select(choice.inputPath(), stateInput, ctx);
        String next = null;
        for (ChoiceRule.Branch branch : choice.choices()) {
            if (Choices.test(branch.rule(), effective, ctx)) {
                next = branch.next();
                break;
            }
        }
        if (next == null) {
            next = choice.defaultNext();
        }
        if (next == null) {
            throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No choice rule matched the input of the state '"
                    + choice.name() + "' and it has no Default");
        }
        JsonNode output = DataFlow.select(choice.outputPath(), effective, ctx);
        return new Step(output, next, exit(choice, output, scope).outputText());
    }

    private Step waitState(State.Wait wait, JsonNode stateInput, StateContext context, Scope scope) {
        Supplier<JsonNode> ctx = contextSupplier(context);
        JsonNode effective = DataFlow.select(wait.inputPath(), stateInput, ctx);
        Duration duration = switch (wait.waitFor()) {
            case State.WaitFor.Seconds seconds -> Duration.ofSeconds(seconds.seconds());
            case State.WaitFor.SecondsPath path -> Duration.ofSeconds(secondsAt(path.path(), "SecondsPath", effective, ctx, 0));
            case State.WaitFor.Timestamp timestamp -> until(timestamp.timestamp().toInstant());
            case State.WaitFor.TimestampPath path -> until(timestampAt(path.path(), effective, ctx));
        };
        pause(duration, settings.delayScale(), scope);
        return exit(wait, DataFlow.select(wait.outputPath(), effective, ctx), scope);
    }

    private Duration until(Instant instant) {
        Duration duration = Duration.between(settings.clock().instant(), instant);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private long secondsAt(JsonPath path, String field, JsonNode effective, Supplier<JsonNode> ctx, long minimum) {
        JsonNode value = path.find(path.isContextPath() ? ctx.get() : effective).orElseThrow(() -> StatesError.runtime(
                "The JSONPath '" + path.text() + "' specified for the field '" + field + "' could not be found in the input '"
                        + Json.render(effective) + "'"));
        if (!Json.isInteger(value) || !value.canConvertToLong() || value.longValue() < minimum) {
            throw StatesError.runtime("The value at the JSONPath '" + path.text() + "' of the field '" + field
                    + "' must be an integer of at least " + minimum + ", not " + Json.render(value));
        }
        return value.longValue();
    }

    private Instant timestampAt(JsonPath path, JsonNode effective, Supplier<JsonNode> ctx) {
        JsonNode value = path.find(path.isContextPath() ? ctx.get() : effective).orElseThrow(() -> StatesError.runtime(
                "The JSONPath '" + path.text() + "' specified for the field 'TimestampPath' could not be found in the input '"
                        + Json.render(effective) + "'"));
        return Optional.ofNullable(value.isTextual() ? value.textValue() : null).flatMap(Timestamps::parse)
                .orElseThrow(() -> StatesError.runtime("The value at the JSONPath '" + path.text()
                        + "' of the field 'TimestampPath' must be an RFC 3339 timestamp, not " + Json.render(value)))
                .toInstant();
    }

    private void pause(Duration duration, double scale, Scope scope) {
        Duration scaled = scale(duration, scale);
        if (!scaled.isZero()) {
            try {
                settings.sleeper().sleep(scaled, scope.cancellation());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionInterrupted(Cancellation.Reason.EXECUTION_STOPPED);
            }
        }
        scope.checkCancelled();
    }

    private static Duration scale(Duration duration, double scale) {
        if (scale == 1.0) {
            return duration;
        }
        return Duration.ofNanos((long) Math.min(duration.toNanos() * scale, (double) Long.MAX_VALUE));
    }

    // ---- Task ----

    private Step task(State.Task task, JsonNode stateInput, StateContext context, long enteredId, Scope scope) {
        int[] retries = new int[task.retry().size()];
        int retryCount = 0;
        while (true) {
            StateContext attemptContext = context.withRetry(retryCount);
            try {
                JsonNode effective = effectiveInput(task.inputPath(), task.parameters(), stateInput, attemptContext);
                JsonNode result = invoke(task, effective, attemptContext, retryCount + 1, scope);
                JsonNode selected = task.resultSelector() == null ? result
                        : evaluate(task.resultSelector(), result, attemptContext);
                JsonNode output = DataFlow.select(task.outputPath(),
                        DataFlow.applyResultPath(task.resultPath(), stateInput, selected), contextSupplier(attemptContext));
                return exit(task, output, scope);
            } catch (StatesError raw) {
                StatesError error = raw.locatedIn(task.name(), enteredId);
                if (shouldRetry(task.retry(), retries, error, scope)) {
                    retryCount++;
                    continue;
                }
                return caught(task.catchers(), error, stateInput).orElseThrow(() -> error);
            }
        }
    }

    /** Applies the first retrier matching the error: waits and says yes, or says no when it is used up. */
    private boolean shouldRetry(List<Retrier> retriers, int[] retries, StatesError error, Scope scope) {
        if (error.isTerminal()) {
            return false;
        }
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (RetryPolicy.matches(retrier.errorEquals(), error.error(), false)) {
                if (retries[i] >= retrier.maxAttempts()) {
                    return false;
                }
                Duration delay = RetryPolicy.delay(retrier, retries[i], settings.random());
                retries[i]++;
                pause(delay, settings.delayScale(), scope);
                return true;
            }
        }
        return false;
    }

    /** The first catcher matching the error: its ResultPath applied to the error output, and its Next. */
    private Optional<Step> caught(List<Catcher> catchers, StatesError error, JsonNode stateInput) {
        for (Catcher catcher : catchers) {
            if (RetryPolicy.matches(catcher.errorEquals(), error.error(), error.isTerminal())) {
                ObjectNode errorOutput = Json.object();
                putIfNotNull(errorOutput, "Error", error.error());
                putIfNotNull(errorOutput, "Cause", error.cause());
                return Optional.of(new Step(DataFlow.applyResultPath(catcher.resultPath(), stateInput, errorOutput),
                        catcher.next()));
            }
        }
        return Optional.empty();
    }

    private JsonNode invoke(State.Task task, JsonNode effective, StateContext context, int attempt, Scope scope) {
        boolean lambdaInvoke = task.resource().equals(TaskInvocation.LAMBDA_INVOKE);
        String functionName = task.resource();
        JsonNode payload = effective;
        if (lambdaInvoke) {
            if (!effective.isObject() || !effective.path("FunctionName").isTextual()) {
                throw StatesError.runtime("The parameters of " + TaskInvocation.LAMBDA_INVOKE
                        + " need a FunctionName string, but they are '" + Json.render(effective) + "'");
            }
            functionName = effective.get("FunctionName").textValue();
            payload = effective.has("Payload") ? effective.get("Payload") : Json.object();
        }
        Integer timeoutSeconds = task.timeoutSeconds() != null ? task.timeoutSeconds()
                : task.timeoutSecondsPath() == null ? null
                : (int) Math.min(Integer.MAX_VALUE, secondsAt(task.timeoutSecondsPath(), "TimeoutSecondsPath", effective,
                contextSupplier(context), 1));
        TaskEvents events = new TaskEvents(task.resource(), settings.region(), scope.lane());
        events.scheduled(effective, payload, timeoutSeconds);

        Duration limit = timeoutSeconds == null ? null : scale(Duration.ofSeconds(timeoutSeconds), settings.timeoutScale());
        try (Cancellation call = scope.cancellation().child()) {
            TaskInvocation invocation = new TaskInvocation(task.resource(), task.name(), functionName, payload.deepCopy(),
                    effective, attempt, executionArn, limit == null ? null : settings.clock().instant().plus(limit), call);
            CompletableFuture<JsonNode> future = new CompletableFuture<>();
            if (limit == null && machine.timeoutSeconds() == null) {
                // Without any deadline the call runs on this thread: no hand-off. stop() still ends the
                // execution at once; the call finishes in the background and its result is dropped.
                call(invocation, future);
            } else {
                Thread worker = Thread.ofVirtual().name("task " + task.name()).start(() -> call(invocation, future));
                if (!awaitEither(future, call, limit)) {
                    call.cancel(Cancellation.Reason.TASK_TIMED_OUT);
                    worker.interrupt();
                    events.timedOut();
                    throw new StatesError(ErrorNames.TIMEOUT, null);
                }
                if (call.isCancelled()) {
                    worker.interrupt();
                }
            }
            if (call.isCancelled()) {
                // The execution stopped or a sibling failed: whatever the call returns is no longer wanted.
                throw new ExecutionInterrupted(call.reason());
            }
            JsonNode result = outcome(future, events);
            if (lambdaInvoke) {
                ObjectNode wrapped = Json.object();
                wrapped.put("ExecutedVersion", "$LATEST");
                wrapped.set("Payload", result == null ? Json.NODES.nullNode() : result);
                wrapped.put("StatusCode", 200);
                result = wrapped;
            } else if (result == null) {
                result = Json.NODES.nullNode();
            }
            String text = Json.render(result);
            checkSize(text, "The task '" + task.name() + "'");
            events.succeeded(text);
            return result;
        }
    }

    private void call(TaskInvocation invocation, CompletableFuture<JsonNode> future) {
        try {
            future.complete(settings.taskInvoker().invoke(invocation));
        } catch (Throwable t) {
            future.completeExceptionally(t);
        }
    }

    /** Waits for the call or its cancellation (the execution's own timeout included); false when {@code limit} passed first. */
    private static boolean awaitEither(CompletableFuture<JsonNode> future, Cancellation call, Duration limit) {
        CompletableFuture<Object> either = CompletableFuture.anyOf(future, call.future());
        try {
            if (limit == null) {
                either.get();
            } else {
                either.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return future.isDone();
        } catch (ExecutionException e) {
            return true; // the call failed; outcome() reports how
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted(Cancellation.Reason.EXECUTION_STOPPED);
        }
    }

    private static JsonNode outcome(CompletableFuture<JsonNode> future, TaskEvents events) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable failure = e.getCause();
            StatesError error = failure instanceof TaskFailure taskFailure
                    ? new StatesError(taskFailure.error(), taskFailure.cause())
                    // A handler that throws something unexpected fails like an unhandled Lambda exception.
                    : new StatesError(failure.getClass().getName(), String.valueOf(failure.getMessage()));
            events.failed(error);
            throw error;
        }
    }

    // ---- Map and Parallel ----

    private Step map(State.Map map, JsonNode stateInput, StateContext context, long enteredId, Scope scope) {
        int[] retries = new int[map.retry().size()];
        int retryCount = 0;
        while (true) {
            StateContext attemptContext = context.withRetry(retryCount);
            boolean started = false;
            try {
                Supplier<JsonNode> ctx = contextSupplier(attemptContext);
                JsonNode effective = DataFlow.select(map.inputPath(), stateInput, ctx);
                JsonNode items = items(map, effective, ctx);
                int limit = concurrency(map, effective, ctx);
                ObjectNode startedDetails = Json.object();
                startedDetails.put("length", items.size());
                scope.lane().record(HistoryEventType.MapStateStarted, startedDetails);
                started = true;
                JsonNode results = iterations(map, items, effective, attemptContext, limit, scope);
                scope.lane().record(HistoryEventType.MapStateSucceeded, Json.object());
                JsonNode selected = map.resultSelector() == null ? results : evaluate(map.resultSelector(), results, attemptContext);
                JsonNode output = DataFlow.select(map.outputPath(), DataFlow.applyResultPath(map.resultPath(), stateInput, selected), ctx);
                return exit(map, output, scope);
            } catch (StatesError raw) {
                if (started) {
                    scope.lane().record(HistoryEventType.MapStateFailed, Json.object());
                }
                StatesError error = raw.locatedIn(map.name(), enteredId);
                if (shouldRetry(map.retry(), retries, error, scope)) {
                    retryCount++;
                    continue;
                }
                return caught(map.catchers(), error, stateInput).orElseThrow(() -> error);
            } catch (ExecutionInterrupted e) {
                if (started) {
                    scope.lane().record(HistoryEventType.MapStateAborted, Json.object());
                }
                throw e;
            }
        }
    }

    private JsonNode items(State.Map map, JsonNode effective, Supplier<JsonNode> ctx) {
        JsonPath itemsPath = map.itemsPath();
        JsonNode items = DataFlow.select(Optional.of(itemsPath), effective, ctx);
        if (!items.isArray()) {
            throw StatesError.runtime("The value at ItemsPath '" + itemsPath.text() + "' must be an array, but it is '"
                    + Json.render(items) + "'");
        }
        return items;
    }

    private int concurrency(State.Map map, JsonNode effective, Supplier<JsonNode> ctx) {
        long requested = map.maxConcurrencyPath() == null ? map.maxConcurrency()
                : secondsAt(map.maxConcurrencyPath(), "MaxConcurrencyPath", effective, ctx, 0);
        int cap = settings.maxMapConcurrency();
        return requested == 0 ? cap : (int) Math.min(requested, cap);
    }

    private JsonNode iterations(State.Map map, JsonNode items, JsonNode effective, StateContext context, int limit, Scope scope) {
        int count = items.size();
        JsonNode[] outputs = new JsonNode[count];
        boolean tolerant = map.toleratedFailureCount() != null || map.toleratedFailurePercentage() != null;
        AtomicInteger failures = new AtomicInteger();
        BranchGroup.Work work = (index, lane, cancellation) -> {
            ObjectNode details = Json.object();
            details.put("name", map.name());
            details.put("index", index);
            lane.record(HistoryEventType.MapIterationStarted, details);
            try {
                JsonNode item = items.get(index);
                JsonNode itemInput = map.itemSelector() == null ? item
                        : evaluate(map.itemSelector(), effective, context.withMapItem(index, item));
                outputs[index] = runGraph(map.processor(), itemInput, new Scope(lane, cancellation));
                lane.record(HistoryEventType.MapIterationSucceeded, details.deepCopy());
            } catch (StatesError e) {
                lane.record(HistoryEventType.MapIterationFailed, details.deepCopy());
                if (!tolerant || e.isTerminal()) {
                    throw e;
                }
                failures.incrementAndGet();
                ObjectNode errorOutput = Json.object();
                putIfNotNull(errorOutput, "Error", e.error());
                putIfNotNull(errorOutput, "Cause", e.cause());
                outputs[index] = errorOutput;
            } catch (ExecutionInterrupted e) {
                lane.record(HistoryEventType.MapIterationAborted, details.deepCopy());
                throw e;
            }
        };
        BranchGroup.run(count, limit, work, scope.lane(), scope.cancellation());
        if (tolerant && exceedsTolerance(map, failures.get(), count)) {
            throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The Map state '" + map.name() + "' had "
                    + failures.get() + " failed iterations of " + count + ", more than it tolerates");
        }
        ArrayNode results = Json.NODES.arrayNode(count);
        for (JsonNode output : outputs) {
            results.add(output);
        }
        return results;
    }

    private static boolean exceedsTolerance(State.Map map, int failures, int count) {
        if (failures == 0) {
            return false;
        }
        boolean withinCount = map.toleratedFailureCount() != null && failures <= map.toleratedFailureCount();
        boolean withinPercentage = map.toleratedFailurePercentage() != null
                && failures * 100.0 / count <= map.toleratedFailurePercentage();
        return !withinCount && !withinPercentage;
    }

    private Step parallel(State.Parallel parallel, JsonNode stateInput, StateContext context, long enteredId, Scope scope) {
        int[] retries = new int[parallel.retry().size()];
        int retryCount = 0;
        while (true) {
            StateContext attemptContext = context.withRetry(retryCount);
            boolean started = false;
            try {
                JsonNode effective = effectiveInput(parallel.inputPath(), parallel.parameters(), stateInput, attemptContext);
                scope.lane().record(HistoryEventType.ParallelStateStarted, Json.object());
                started = true;
                JsonNode[] outputs = new JsonNode[parallel.branches().size()];
                BranchGroup.run(outputs.length, outputs.length,
                        (index, lane, cancellation) -> outputs[index] =
                                runGraph(parallel.branches().get(index), effective, new Scope(lane, cancellation)),
                        scope.lane(), scope.cancellation());
                scope.lane().record(HistoryEventType.ParallelStateSucceeded, Json.object());
                ArrayNode results = Json.NODES.arrayNode(outputs.length);
                for (JsonNode output : outputs) {
                    results.add(output);
                }
                JsonNode selected = parallel.resultSelector() == null ? results : evaluate(parallel.resultSelector(), results, attemptContext);
                JsonNode output = DataFlow.select(parallel.outputPath(),
                        DataFlow.applyResultPath(parallel.resultPath(), stateInput, selected), contextSupplier(attemptContext));
                return exit(parallel, output, scope);
            } catch (StatesError raw) {
                if (started) {
                    scope.lane().record(HistoryEventType.ParallelStateFailed, Json.object());
                }
                StatesError error = raw.locatedIn(parallel.name(), enteredId);
                if (shouldRetry(parallel.retry(), retries, error, scope)) {
                    retryCount++;
                    continue;
                }
                return caught(parallel.catchers(), error, stateInput).orElseThrow(() -> error);
            } catch (ExecutionInterrupted e) {
                if (started) {
                    scope.lane().record(HistoryEventType.ParallelStateAborted, Json.object());
                }
                throw e;
            }
        }
    }

    // ---- data helpers ----

    private JsonNode effectiveInput(Optional<JsonPath> inputPath, PayloadTemplate parameters, JsonNode stateInput,
                                    StateContext context) {
        JsonNode selected = DataFlow.select(inputPath, stateInput, contextSupplier(context));
        return parameters == null ? selected : evaluate(parameters, selected, context);
    }

    private JsonNode evaluate(PayloadTemplate template, JsonNode document, StateContext context) {
        try {
            return template.evaluate(document, contextSupplier(context), settings.random());
        } catch (PayloadTemplate.PayloadFailure failure) {
            throw StatesError.runtime(failure.getMessage());
        }
    }

    /** The context object is built only when a $$ path asks for it, then reused. */
    private Supplier<JsonNode> contextSupplier(StateContext context) {
        return new Supplier<>() {
            private JsonNode built;

            @Override
            public JsonNode get() {
                if (built == null) {
                    built = contextObject(context);
                }
                return built;
            }
        };
    }

    private JsonNode contextObject(StateContext context) {
        ObjectNode object = Json.object();
        object.set("Execution", executionContext);
        object.set("StateMachine", stateMachineContext);
        ObjectNode state = object.putObject("State");
        state.put("EnteredTime", Timestamps.format(context.enteredTime()));
        state.put("Name", context.stateName());
        state.put("RetryCount", context.retryCount());
        if (context.mapIndex() != null) {
            ObjectNode item = object.putObject("Map").putObject("Item");
            item.put("Index", context.mapIndex());
            item.set("Value", context.mapValue());
        }
        return object;
    }

    private void checkSize(String json, String what) {
        if (settings.payloadLimitBytes() > 0 && Json.utf8Length(json) > settings.payloadLimitBytes()) {
            throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, what + " produced a payload larger than "
                    + settings.payloadLimitBytes() + " bytes, the Step Functions limit");
        }
    }

    static ObjectNode notTruncated() {
        ObjectNode details = Json.object();
        details.put("truncated", false);
        return details;
    }

    static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
