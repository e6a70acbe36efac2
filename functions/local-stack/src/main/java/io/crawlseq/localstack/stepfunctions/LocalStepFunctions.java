package io.crawlseq.localstack.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionHandle;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.DefinitionProblem;
import io.crawlseq.engine.asl.ParseResult;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.task.TaskInvoker;
import io.crawlseq.localstack.LocalService;
import io.crawlseq.localstack.http.AwsError;
import io.crawlseq.localstack.http.AwsJson;
import io.crawlseq.localstack.http.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Step Functions endpoint on 127.0.0.1 (AWS JSON 1.0: {@code POST /}, {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>}), serving the operations the project uses — CreateStateMachine,
 * UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine, StartExecution,
 * DescribeExecution, StopExecution, GetExecutionHistory, ListExecutions — with AWS's error codes, so
 * the SDK's {@code SfnClient} works against it with only an endpoint override. Executions run on the
 * project's local engine; Task states reach Lambda handlers through the given {@link TaskInvoker}
 * (in-process functions). Each execution status change is passed to the listeners in order, on one
 * thread, the way EventBridge would deliver "Execution Status Change" events.
 *
 * <p>Executions live in memory; state machines too, unless a state file is given
 * ({@link Builder#stateFile}), where they are kept across restarts.
 */
public final class LocalStepFunctions implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStepFunctions.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern EXECUTION_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,80}");
    private static final int DEFAULT_PAGE = 100;

    private record Machine(String arn, String name, String definition, StateMachine parsed, String roleArn,
                           Instant created, String revisionId, boolean tracing, Map<String, String> tags) {
    }

    /** An execution; {@code finalStatusPublished} completes once its end has been handed to the listeners' queue. */
    private record Execution(String arn, String machineArn, String name, String input, ExecutionHandle handle,
                             CompletableFuture<Void> finalStatusPublished) {
    }

    private final LocalEngine engine;
    private final String region;
    private final String account;
    private final Clock clock;
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<Consumer<ExecutionStatusChange>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-sfn-status-events");
        t.setDaemon(true);
        return t;
    });
    private final Optional<java.nio.file.Path> stateFile;
    private final LocalHttpServer server;

    private LocalStepFunctions(Builder builder) {
        this.region = builder.region;
        this.account = builder.account;
        this.clock = builder.clock;
        this.stateFile = builder.stateFile;
        this.engine = LocalEngine.builder().taskInvoker(builder.invoker).region(region).accountId(account)
                .clock(clock).delayScale(builder.delayScale).seed(builder.seed).build();
        loadMachines();
        this.server = LocalHttpServer.start(builder.port, this::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "stepfunctions";
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    /** Receives every execution status change (the EventBridge rule of the template). */
    public LocalStepFunctions onStatusChange(Consumer<ExecutionStatusChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Waits until the execution has ended and its status change has reached every listener. */
    public ExecutionResult awaitExecution(String executionArn, Duration timeout)
            throws InterruptedException, TimeoutException {
        Execution execution = executions.get(executionArn);
        if (execution == null) {
            throw new IllegalArgumentException("no execution " + executionArn);
        }
        ExecutionResult result = execution.handle().await(timeout);
        if (!result.status().isTerminal()) {
            throw new TimeoutException(executionArn + " still running after " + timeout);
        }
        // the end is published by a completion callback that may still be on its way
        try {
            execution.finalStatusPublished().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        awaitStatusEvents(timeout);
        return result;
    }

    /** Waits until every status change so far has been delivered to the listeners. */
    public void awaitStatusEvents(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            events.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Executions known to the endpoint, newest first. */
    public List<String> executionArns() {
        return executions.values().stream()
                .sorted(Comparator.comparing((Execution e) -> e.handle().describe().startDate()).reversed())
                .map(Execution::arn).toList();
    }

    @Override
    public void close() {
        server.close();
        executions.values().forEach(e -> {
            if (!e.handle().status().isTerminal()) {
                e.handle().stop("Local.Shutdown", "the local Step Functions endpoint stopped");
            }
        });
        events.shutdownNow();
    }

    // --- protocol ----------------------------------------------------------------------------------

    private LocalHttpServer.Response handle(LocalHttpServer.Request request) {
        try {
            if (!"POST".equals(request.method())) {
                throw new AwsError(405, "UnknownOperationException", "AWS JSON 1.0 takes POST requests only");
            }
            String target = request.header("X-Amz-Target").orElse("");
            if (!target.startsWith(TARGET_PREFIX)) {
                throw AwsError.badRequest("UnknownOperationException", "missing or foreign X-Amz-Target: " + target);
            }
            if (request.header("Authorization").isEmpty()) {
                throw AwsError.badRequest("MissingAuthenticationToken", "the request is not signed");
            }
            ObjectNode body = AwsJson.body(request);
            JsonNode response = switch (target.substring(TARGET_PREFIX.length())) {
                case "CreateStateMachine" -> createStateMachine(body);
                case "UpdateStateMachine" -> updateStateMachine(body);
                case "DescribeStateMachine" -> describeStateMachine(body);
                case "ListStateMachines" -> listStateMachines(body);
                case "DeleteStateMachine" -> deleteStateMachine(body);
                case "StartExecution" -> startExecution(body);
                case "DescribeExecution" -> describeExecution(body);
                case "StopExecution" -> stopExecution(body);
                case "GetExecutionHistory" -> executionHistory(body);
                case "ListExecutions" -> listExecutions(body);
                default -> throw AwsError.badRequest("UnknownOperationException", "the local endpoint does not serve "
                        + target + " (served: CreateStateMachine, UpdateStateMachine, DescribeStateMachine, "
                        + "ListStateMachines, DeleteStateMachine, StartExecution, DescribeExecution, StopExecution, "
                        + "GetExecutionHistory, ListExecutions)");
            };
            return AwsJson.ok(response, AwsJson.JSON_1_0);
        } catch (AwsError e) {
            return AwsJson.json10Error(e);
        } catch (RuntimeException e) {
            LOG.error("local Step Functions endpoint failed", e);
            return AwsJson.json10Error(new AwsError(500, "InternalFailure", e.toString()));
        }
    }

    // --- state machines ----------------------------------------------------------------------------

    private synchronized JsonNode createStateMachine(ObjectNode body) throws AwsError {
        String name = required(body, "name");
        if (!NAME.matcher(name).matches()) {
            throw AwsError.badRequest("InvalidName", "Invalid Name: '" + name + "'");
        }
        String definition = required(body, "definition");
        StateMachine parsed = parse(definition);
        String roleArn = roleArn(body);
        String arn = "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
        Machine existing = machines.get(arn);
        if (existing != null) {
            if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)) {
                return created(existing); // CreateStateMachine is idempotent for an identical request
            }
            throw AwsError.badRequest("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        if (!"STANDARD".equals(body.path("type").asText("STANDARD"))) {
            throw AwsError.badRequest("ValidationException", "the local endpoint runs STANDARD state machines only");
        }
        Map<String, String> tags = new java.util.TreeMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        Machine machine = new Machine(arn, name, definition, parsed, roleArn, clock.instant(), UUID.randomUUID().toString(),
                body.path("tracingConfiguration").path("enabled").asBoolean(false), Map.copyOf(tags));
        machines.put(arn, machine);
        saveMachines();
        return created(machine);
    }

    private JsonNode created(Machine machine) {
        ObjectNode out = AwsJson.object();
        out.put("stateMachineArn", machine.arn());
        out.set("creationDate", AwsJson.timestamp(machine.created()));
        return out;
    }

    private synchronized JsonNode updateStateMachine(ObjectNode body) throws AwsError {
        Machine machine = machine(required(body, "stateMachineArn"));
        String definition = body.hasNonNull("definition") ? body.get("definition").asText() : machine.definition();
        StateMachine parsed = body.hasNonNull("definition") ? parse(definition) : machine.parsed();
        String roleArn = body.hasNonNull("roleArn") ? roleArn(body) : machine.roleArn();
        if (!body.hasNonNull("definition") && !body.hasNonNull("roleArn") && !body.has("loggingConfiguration")
                && !body.has("tracingConfiguration")) {
            throw AwsError.badRequest("MissingRequiredParameter",
                    "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        boolean tracing = body.has("tracingConfiguration") ? body.path("tracingConfiguration").path("enabled").asBoolean()
                : machine.tracing();
        Machine updated = new Machine(machine.arn(), machine.name(), definition, parsed, roleArn, machine.created(),
                UUID.randomUUID().toString(), tracing, machine.tags());
        machines.put(updated.arn(), updated);
        saveMachines();
        ObjectNode out = AwsJson.object();
        out.set("updateDate", AwsJson.timestamp(clock.instant()));
        out.put("revisionId", updated.revisionId());
        return out;
    }

    private JsonNode describeStateMachine(ObjectNode body) throws AwsError {
        Machine machine = machine(required(body, "stateMachineArn"));
        ObjectNode out = AwsJson.object();
        out.put("stateMachineArn", machine.arn());
        out.put("name", machine.name());
        out.put("status", "ACTIVE");
        out.put("definition", machine.definition());
        out.put("roleArn", machine.roleArn());
        out.put("type", "STANDARD");
        out.set("creationDate", AwsJson.timestamp(machine.created()));
        out.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        out.putObject("tracingConfiguration").put("enabled", machine.tracing());
        out.put("revisionId", machine.revisionId());
        return out;
    }

    private JsonNode listStateMachines(ObjectNode body) throws AwsError {
        List<Machine> all = machines.values().stream().sorted(Comparator.comparing(Machine::name)).toList();
        ObjectNode out = AwsJson.object();
        ArrayNode list = out.putArray("stateMachines");
        page(body, all.size(), (from, to) -> all.subList(from, to).forEach(m -> list.addObject()
                .put("stateMachineArn", m.arn()).put("name", m.name()).put("type", "STANDARD")
                .set("creationDate", AwsJson.timestamp(m.created()))), out);
        return out;
    }

    private synchronized JsonNode deleteStateMachine(ObjectNode body) throws AwsError {
        String arn = required(body, "stateMachineArn");
        validArn(arn, ":stateMachine:");
        machines.remove(arn); // deleting a machine that is not there succeeds, as in AWS
        saveMachines();
        return AwsJson.object();
    }

    // --- executions --------------------------------------------------------------------------------

    private synchronized JsonNode startExecution(ObjectNode body) throws AwsError {
        Machine machine = machine(required(body, "stateMachineArn"));
        String name = body.hasNonNull("name") ? body.get("name").asText() : UUID.randomUUID().toString();
        if (!EXECUTION_NAME.matcher(name).matches()) {
            throw AwsError.badRequest("InvalidName", "Invalid Name: '" + name + "'");
        }
        String input = body.hasNonNull("input") ? body.get("input").asText() : "{}";
        JsonNode inputNode;
        try {
            inputNode = AwsJson.MAPPER.readTree(input);
        } catch (IOException e) {
            throw AwsError.badRequest("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
        String arn = machine.arn().replace(":stateMachine:", ":execution:") + ":" + name;
        Execution existing = executions.get(arn);
        if (existing != null) {
            // StartExecution is idempotent for a running execution started with the same input
            if (existing.input().equals(input) && !existing.handle().status().isTerminal()) {
                return started(existing);
            }
            throw AwsError.badRequest("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        ExecutionHandle handle = engine.startAsync(machine.parsed(), inputNode, name, machine.name());
        Execution execution = new Execution(handle.executionArn(), machine.arn(), name, input, handle,
                new CompletableFuture<>());
        executions.put(execution.arn(), execution);
        publish(execution, handle.describe());
        handle.completion().thenAccept(result -> publish(execution, result))
                .whenComplete((ignored, failure) -> execution.finalStatusPublished().complete(null));
        return started(execution);
    }

    private JsonNode started(Execution execution) {
        ObjectNode out = AwsJson.object();
        out.put("executionArn", execution.arn());
        out.set("startDate", AwsJson.timestamp(execution.handle().describe().startDate()));
        return out;
    }

    private JsonNode describeExecution(ObjectNode body) throws AwsError {
        Execution execution = execution(required(body, "executionArn"));
        ExecutionResult result = execution.handle().describe();
        ObjectNode out = AwsJson.object();
        out.put("executionArn", execution.arn());
        out.put("stateMachineArn", execution.machineArn());
        out.put("name", execution.name());
        out.put("status", result.status().name());
        out.set("startDate", AwsJson.timestamp(result.startDate()));
        if (result.stopDate() != null) {
            out.set("stopDate", AwsJson.timestamp(result.stopDate()));
        }
        out.put("input", execution.input());
        out.putObject("inputDetails").put("included", true);
        if (result.output() != null) {
            out.put("output", AwsJson.text(result.output()));
            out.putObject("outputDetails").put("included", true);
        }
        if (result.error() != null) {
            out.put("error", result.error());
        }
        if (result.cause() != null) {
            out.put("cause", result.cause());
        }
        return out;
    }

    private JsonNode stopExecution(ObjectNode body) throws AwsError {
        Execution execution = execution(required(body, "executionArn"));
        if (!execution.handle().status().isTerminal()) {
            execution.handle().stop(body.path("error").asText(null), body.path("cause").asText(null));
        }
        ObjectNode out = AwsJson.object();
        Instant stopped = execution.handle().describe().stopDate();
        out.set("stopDate", AwsJson.timestamp(stopped == null ? clock.instant() : stopped));
        return out;
    }

    private JsonNode executionHistory(ObjectNode body) throws AwsError {
        Execution execution = execution(required(body, "executionArn"));
        List<HistoryEvent> events = new ArrayList<>(execution.handle().history());
        if (body.path("reverseOrder").asBoolean(false)) {
            java.util.Collections.reverse(events);
        }
        boolean includeData = body.path("includeExecutionData").asBoolean(true);
        ObjectNode out = AwsJson.object();
        ArrayNode list = out.putArray("events");
        page(body, events.size(), (from, to) -> events.subList(from, to).forEach(e -> list.add(apiEvent(e, includeData))),
                out);
        return out;
    }

    private static ObjectNode apiEvent(HistoryEvent event, boolean includeData) {
        ObjectNode json = event.toJson();
        json.set("timestamp", AwsJson.timestamp(event.timestamp()));
        if (!includeData) {
            json.properties().forEach(e -> {
                if (e.getValue() instanceof ObjectNode details) {
                    details.remove(List.of("input", "output", "parameters"));
                }
            });
        }
        return json;
    }

    private JsonNode listExecutions(ObjectNode body) throws AwsError {
        String machineArn = required(body, "stateMachineArn");
        machine(machineArn);
        String statusFilter = body.path("statusFilter").asText("");
        List<Execution> matching = executions.values().stream()
                .filter(e -> e.machineArn().equals(machineArn))
                .filter(e -> statusFilter.isEmpty() || e.handle().status().name().equals(statusFilter))
                .sorted(Comparator.comparing((Execution e) -> e.handle().describe().startDate()).reversed())
                .toList();
        ObjectNode out = AwsJson.object();
        ArrayNode list = out.putArray("executions");
        page(body, matching.size(), (from, to) -> matching.subList(from, to).forEach(e -> {
            ExecutionResult r = e.handle().describe();
            ObjectNode item = list.addObject().put("executionArn", e.arn()).put("stateMachineArn", e.machineArn())
                    .put("name", e.name()).put("status", r.status().name());
            item.set("startDate", AwsJson.timestamp(r.startDate()));
            if (r.stopDate() != null) {
                item.set("stopDate", AwsJson.timestamp(r.stopDate()));
            }
        }), out);
        return out;
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void saveMachines() {
        if (stateFile.isEmpty()) {
            return;
        }
        ArrayNode all = AwsJson.MAPPER.createArrayNode();
        machines.values().stream().sorted(Comparator.comparing(Machine::name)).forEach(m -> {
            ObjectNode o = all.addObject().put("name", m.name()).put("definition", m.definition())
                    .put("roleArn", m.roleArn()).put("created", m.created().toString()).put("tracing", m.tracing());
            ObjectNode tags = o.putObject("tags");
            m.tags().forEach(tags::put);
        });
        try {
            java.nio.file.Path file = stateFile.get();
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            java.nio.file.Files.writeString(temp, AwsJson.text(all));
            java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save state machines to " + stateFile.get(), e);
        }
    }

    private void loadMachines() {
        if (stateFile.isEmpty() || !java.nio.file.Files.isRegularFile(stateFile.get())) {
            return;
        }
        try {
            for (JsonNode o : AwsJson.MAPPER.readTree(stateFile.get().toFile())) {
                String name = o.path("name").asText();
                String definition = o.path("definition").asText();
                Map<String, String> tags = new java.util.TreeMap<>();
                o.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
                String arn = "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
                machines.put(arn, new Machine(arn, name, definition, parse(definition), o.path("roleArn").asText(),
                        Instant.parse(o.path("created").asText()), UUID.randomUUID().toString(),
                        o.path("tracing").asBoolean(), Map.copyOf(tags)));
            }
        } catch (IOException | AwsError e) {
            throw new IllegalStateException("cannot read state machines from " + stateFile.get() + ": " + e.getMessage(), e);
        }
    }

    private void publish(Execution execution, ExecutionResult result) {
        ExecutionStatusChange change = new ExecutionStatusChange(execution.arn(), execution.machineArn(),
                execution.name(), result.status().name(), result.startDate(), Optional.ofNullable(result.stopDate()),
                execution.input(), Optional.ofNullable(result.output()).map(AwsJson::text),
                Optional.ofNullable(result.error()), Optional.ofNullable(result.cause()));
        events.submit(() -> listeners.forEach(listener -> {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("status change listener failed for {} {}: {}", change.executionArn(), change.status(), e.toString());
            }
        }));
    }

    private static StateMachine parse(String definition) throws AwsError {
        ParseResult parsed = AslParser.parse(definition);
        if (!parsed.isValid()) {
            throw AwsError.badRequest("InvalidDefinition", "Invalid State Machine Definition: '"
                    + String.join("; ", parsed.problems().stream().map(DefinitionProblem::format).toList()) + "'");
        }
        return parsed.orElseThrow();
    }

    private static String roleArn(ObjectNode body) throws AwsError {
        String roleArn = required(body, "roleArn");
        if (!roleArn.startsWith("arn:") || !roleArn.contains(":role/")) {
            throw AwsError.badRequest("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + roleArn + "'");
        }
        return roleArn;
    }

    private Machine machine(String arn) throws AwsError {
        validArn(arn, ":stateMachine:");
        Machine machine = machines.get(arn);
        if (machine == null) {
            throw AwsError.badRequest("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    private Execution execution(String arn) throws AwsError {
        validArn(arn, ":execution:");
        Execution execution = executions.get(arn);
        if (execution == null) {
            throw AwsError.badRequest("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    private static void validArn(String arn, String kind) throws AwsError {
        if (!arn.startsWith("arn:aws:states:") || !arn.contains(kind)) {
            throw AwsError.badRequest("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
    }

    private static String required(ObjectNode body, String field) throws AwsError {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw AwsError.badRequest("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    @FunctionalInterface
    private interface PageWriter {
        void write(int from, int to);
    }

    /** {@code maxResults} and an opaque {@code nextToken} (the offset) over a list of {@code size}. */
    private static void page(ObjectNode body, int size, PageWriter writer, ObjectNode out) throws AwsError {
        int max = body.path("maxResults").asInt(0);
        int limit = max <= 0 ? DEFAULT_PAGE : Math.min(max, 1000);
        int from = 0;
        if (body.hasNonNull("nextToken")) {
            try {
                from = Integer.parseInt(body.get("nextToken").asText());
            } catch (NumberFormatException e) {
                throw AwsError.badRequest("InvalidToken", "Invalid Token: '" + body.get("nextToken").asText() + "'");
            }
            if (from < 0 || from > size) {
                throw AwsError.badRequest("InvalidToken", "Invalid Token: '" + from + "'");
            }
        }
        int to = Math.min(size, from + limit);
        writer.write(from, to);
        if (to < size) {
            out.put("nextToken", String.valueOf(to));
        }
    }

    /** Configures the endpoint; every setting has a default. */
    public static final class Builder {
        private TaskInvoker invoker = invocation -> {
            throw new io.crawlseq.engine.task.TaskFailure("Lambda.ResourceNotFoundException",
                    "no in-process function is registered for " + invocation.functionName());
        };
        private String region = "us-east-1";
        private String account = "123456789012";
        private Clock clock = Clock.systemUTC();
        private double delayScale = 1.0;
        private long seed = 1;
        private int port;
        private Optional<java.nio.file.Path> stateFile = Optional.empty();

        private Builder() {
        }

        /** How Task states reach functions (e.g. a {@code FunctionRouter} of in-process handlers). */
        public Builder taskInvoker(TaskInvoker value) {
            this.invoker = Objects.requireNonNull(value, "taskInvoker");
            return this;
        }

        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        public Builder account(String value) {
            this.account = Objects.requireNonNull(value, "account");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Wait states and retry intervals: 1 is real time, 0 never pauses (tests). */
        public Builder delayScale(double value) {
            this.delayScale = value;
            return this;
        }

        /** Seed of retry jitter. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Keeps state machines in this JSON file across restarts (executions stay in memory). */
        public Builder stateFile(java.nio.file.Path value) {
            this.stateFile = Optional.of(value);
            return this;
        }

        /** 0 for a free port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public LocalStepFunctions start() {
            return new LocalStepFunctions(this);
        }
    }
}
