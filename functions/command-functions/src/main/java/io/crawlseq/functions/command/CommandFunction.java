package io.crawlseq.functions.command;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandHandler;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.HandlerCatalog;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.functions.support.Priming;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crac.Resource;

/**
 * The handler of every crawl command function. Each function runs one command, named by its
 * {@value CommandFunctionSetup#COMMAND} environment variable; the event is the compiled Task's
 * {@code Payload} ({@code {command, stepId, args, context, runId, attempt, loop?, continuation?}}),
 * whose {@code command} must be that one. The response is the command's result envelope. The step
 * and the day's metrics are in DynamoDB before the handler returns.
 *
 * <p>The invocation's budget is the Lambda's remaining time: a long crawl stops early enough to save
 * its state and answer {@code partial} with a continuation, and the state machine invokes it again.
 * Infrastructure trouble leaves as {@link CommandTransientError} (retried by the state machine) or
 * {@link CommandFatalError} (caught and recorded as the step's failure).
 *
 * <p>Clients, the registry, the handlers and the runner are built once per execution environment
 * (the runtime constructs one handler instance); with SnapStart the handler's path is primed before
 * the snapshot ({@link #prime}).
 */
public final class CommandFunction implements RequestStreamHandler {

    private static final String PRIMING_RUN = "snapstart-priming";

    private final CommandSpec spec;
    private final CommandRegistry registry;
    private final CommandServices services;
    private final CommandRunner runner;
    private final Telemetry telemetry;
    /** Held so CRaC's weakly referencing context keeps the priming hook. */
    private final Resource primingHook;

    /** Used by the Lambda runtime: configured from the function's environment. */
    public CommandFunction() {
        this(CommandFunctionSetup.fromEnvironment(FunctionEnvironment.system()));
    }

    public CommandFunction(CommandFunctionSetup setup) {
        this(setup, CommandRegistry.standard(), StandardHandlers.catalog());
    }

    CommandFunction(CommandFunctionSetup setup, CommandRegistry registry, HandlerCatalog handlers) {
        Objects.requireNonNull(setup, "setup");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.spec = registry.find(setup.command()).orElseThrow(() -> new IllegalStateException(
                CommandFunctionSetup.COMMAND + "=" + setup.command() + " is not a registered command"));
        this.services = setup.services();
        this.runner = new CommandRunner(registry, handlers, services);
        this.telemetry = setup.telemetry();
        this.primingHook = Priming.onCheckpoint(this::prime);
    }

    public String command() {
        return spec.name();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload = readPayload(input);
        Duration budget = Duration.ofMillis(context.getRemainingTimeInMillis());
        ObjectNode envelope;
        try {
            envelope = telemetry.invocation(context, () -> run(payload, budget));
        } catch (RuntimeException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFatalError("unexpected failure: " + e, e);
        }
        LambdaJson.write(output, envelope);
    }

    private ObjectNode run(JsonNode payload, Duration budget) {
        String asked = payload.path("command").asText("");
        if (!spec.name().equals(asked)) {
            throw new CommandFatalError("this function runs " + spec.name() + ", the payload asks for '" + asked
                    + "' (the state machine invokes the wrong function)", null);
        }
        try {
            CommandRunner.Invocation invocation = runner.run(payload, budget);
            recordMetrics(invocation.envelope());
            return invocation.envelope();
        } catch (CommandException e) {
            telemetry.metric("Invocations", 1, Telemetry.Unit.COUNT);
            telemetry.metric("Errors", 1, Telemetry.Unit.COUNT);
            throw e.isTransient() ? new CommandTransientError(e.getMessage(), e) : new CommandFatalError(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandTransientError("interrupted while running " + spec.name(), e);
        }
    }

    private void recordMetrics(ObjectNode envelope) {
        String status = envelope.path("status").asText();
        telemetry.metric("Invocations", 1, Telemetry.Unit.COUNT);
        telemetry.metric("Failures", "failed".equals(status) ? 1 : 0, Telemetry.Unit.COUNT);
        telemetry.metric("Continuations", "partial".equals(status) ? 1 : 0, Telemetry.Unit.COUNT);
        telemetry.metric("Duration", envelope.path("elapsedMs").asDouble(0), Telemetry.Unit.MILLISECONDS);
        telemetry.metric("PagesFetched", envelope.path("pagesFetched").asDouble(0), Telemetry.Unit.COUNT);
        telemetry.metric("BytesFetched", envelope.path("bytesFetched").asDouble(0), Telemetry.Unit.BYTES);
    }

    private static JsonNode readPayload(InputStream input) throws IOException {
        try {
            return LambdaJson.read(input);
        } catch (JsonProcessingException e) {
            throw new CommandFatalError("the task payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Runs this function's code path on a sample payload with every AWS call answered in-process
     * (see {@link Priming}): the payload parsing and registry defaults, the runner's step and metric
     * writes, the envelope and its JSON; for crawling commands also the gazetteer (loaded once per
     * execution environment) and a crawler's construction. Only the command's own handler is
     * replaced by one that reports neutral results, since a real one would fetch from the network.
     */
    void prime() throws Exception {
        ObjectNode payload = primingPayload();
        CommandHandler neutral = new CommandHandler() {
            @Override
            public String command() {
                return spec.name();
            }

            @Override
            public CommandOutcome run(CommandRequest request, CommandServices services) {
                return new CommandOutcome.Completed(spec.neutralFields());
            }
        };
        CommandRunner dryRunner = new CommandRunner(registry, new HandlerCatalog(List.of(neutral)), services);
        LambdaJson.bytes(dryRunner.run(payload, Duration.ofMinutes(1)).envelope());
        if (spec.crawls()) {
            Gazetteer.standard();
            CommandRequest request = CommandRequest.fromPayload(payload, registry, services.clock().instant().plusSeconds(60));
            try (Crawler crawler = services.crawlers().create(request)) {
                crawler.config();
            }
        }
    }

    private ObjectNode primingPayload() {
        ObjectNode payload = LambdaJson.object();
        payload.put("command", spec.name());
        payload.put("stepId", "priming");
        payload.putObject("args");
        payload.putObject("context").put("startUrl", "https://example.com/");
        payload.put("runId", PRIMING_RUN);
        payload.put("attempt", 0);
        return payload;
    }
}
