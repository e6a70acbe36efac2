package io.crawlseq.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.store.Continuation;
import io.crawlseq.store.ContinuationLease;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Json;
import io.crawlseq.store.MetricCounters;
import io.crawlseq.store.ResumeOutcome;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.blob.BlobKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command invocation from a compiled Task payload to its result envelope, the same way in
 * a Lambda and in a local run: parse the payload, resume a long crawl's saved state, run the
 * handler to a deadline, save the state again when work remains, build the envelope (lists capped,
 * full lists stored), and record the step and the day's metrics before returning, so a later failure
 * of the run loses nothing.
 */
public final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    /** Kept between the work deadline and the caller's budget to save state and answer. */
    static final Duration SAVE_MARGIN = Duration.ofSeconds(20);
    /** Extra lease time on a continuation beyond the invocation's budget. */
    static final Duration LEASE_MARGIN = Duration.ofMinutes(2);

    private final CommandRegistry registry;
    private final HandlerCatalog handlers;
    private final CommandServices services;

    public CommandRunner(CommandRegistry registry, HandlerCatalog handlers, CommandServices services) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * @param request  the invocation
     * @param envelope what the state machine receives
     * @param outcome  the handler's outcome with its complete lists (what {@code command --json} prints)
     */
    public record Invocation(CommandRequest request, ObjectNode envelope, CommandOutcome outcome) {
    }

    /**
     * @param budget how long this invocation may take in all (a Lambda's remaining time); the
     *               handler's deadline is earlier by a margin, and never later than the command's
     *               own work budget or its {@code timeout} argument
     * @throws CommandException for infrastructure trouble (transient: retried by the state machine)
     *                          and broken payloads (fatal)
     */
    public Invocation run(JsonNode payload, Duration budget) throws CommandException, InterruptedException {
        Instant started = services.clock().instant();
        CommandRequest request = CommandRequest.fromPayload(payload, registry, started);
        CommandSpec spec = request.spec();
        CommandHandler handler = handlers.find(spec.name()).orElseThrow(() -> CommandException.fatal(
                "this build has no handler for '" + spec.name() + "'"));
        request = request.withDeadline(started.plus(workTime(request, budget)));
        Optional<StepRecord> earlier = earlierAttempt(request);
        if (earlier.isPresent() && earlier.get().status().isTerminal() && earlier.get().status() != StepStatus.FAILED) {
            // A duplicate delivery of an invocation that already finished: answer as it did, do not crawl twice.
            LOG.info("{} step {} invocation {} already finished; returning its recorded result", spec.name(),
                    request.historyStepId(), request.invocation());
            ObjectNode recorded = (ObjectNode) earlier.get().result().orElseThrow().node();
            return new Invocation(request, recorded, new CommandOutcome.Completed(CommandOutcome.noFields()));
        }
        request = request.withAttempt(earlier.map(e -> e.attempt() + 1).orElse(1));

        ContinuationLease lease = null;
        if (request.continuation().isPresent()) {
            Continuation c = request.continuation().get();
            ResumeOutcome resumed = services.storage().continuations().resume(c.token(), c.invocation(),
                    budget.plus(LEASE_MARGIN));
            switch (resumed) {
                case ResumeOutcome.Resumed r -> {
                    lease = r.lease();
                    request = request.withResumeState(r.state().node());
                }
                case ResumeOutcome.Busy b -> throw CommandException.transientFailure(
                        "continuation " + c.token() + " is held by another invocation until " + b.until(), null);
                case ResumeOutcome.NotFound n -> {
                    return finish(request, started, new CommandOutcome.Failed("ContinuationLost",
                            "the saved state of this long crawl is gone (expired or already completed)",
                            CommandOutcome.noFields()), null);
                }
                case ResumeOutcome.WrongInvocation w -> {
                    return finish(request, started, new CommandOutcome.Failed("ContinuationLost",
                            "expected invocation " + w.expected() + " of this long crawl, not " + w.asked(),
                            CommandOutcome.noFields()), null);
                }
            }
        }
        record(StepRecord.started(request.runId(), request.historyStepId(), request.invocation(), request.attempt(),
                spec.name(), Json.of(request.args()), started));
        CommandOutcome outcome;
        try {
            outcome = handler.run(request, services);
        } catch (CommandException e) {
            recordFailure(request, started, e);
            release(lease);
            throw e;
        } catch (InterruptedException e) {
            release(lease);
            throw e;
        } catch (RuntimeException e) {
            // A handler bug must not take the run down: the step fails and the sequence decides.
            LOG.error("{} failed unexpectedly on step {}", spec.name(), request.historyStepId(), e);
            outcome = new CommandOutcome.Failed("InternalError", spec.name() + " failed unexpectedly: " + e,
                    CommandOutcome.noFields());
        }
        return finish(request, started, outcome, lease);
    }

    private Invocation finish(CommandRequest request, Instant started, CommandOutcome outcome, ContinuationLease lease)
            throws CommandException {
        Optional<Continuation> next = Optional.empty();
        try {
            if (outcome instanceof CommandOutcome.Partial partial) {
                Json state = Json.of(partial.state());
                next = Optional.of(lease != null
                        ? services.storage().continuations().checkpoint(lease, state)
                        : services.storage().continuations().start(request.runId(), request.historyStepId(),
                                request.command(), state));
            } else if (lease != null) {
                services.storage().continuations().complete(lease);
            }
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not save the state of " + request.command() + ": " + e, e);
        }
        Instant finished = services.clock().instant();
        Envelopes.Built built = Envelopes.build(request.spec(), outcome, started, finished, next);
        if (!built.dropped().isEmpty()) {
            LOG.warn("{} returned fields its registry entry does not declare (dropped): {}", request.command(), built.dropped());
        }
        storeFullLists(request, built.fullLists());
        ObjectNode envelope = built.envelope();
        StepStatus status = StepStatus.fromEnvelope(envelope.path("status").asText());
        Optional<ErrorInfo> error = outcome instanceof CommandOutcome.Failed f
                ? Optional.of(ErrorInfo.of(f.errorType(), f.message())) : Optional.empty();
        record(StepRecord.started(request.runId(), request.historyStepId(), request.invocation(), request.attempt(),
                request.command(), Json.of(request.args()), started).finished(status, finished, Json.of(envelope), error));
        recordMetrics(request, envelope, status == StepStatus.FAILED, Duration.between(started, finished));
        return new Invocation(request, envelope, outcome);
    }

    private Optional<StepRecord> earlierAttempt(CommandRequest request) throws CommandException {
        try {
            return services.storage().runs().step(request.runId(), request.historyStepId(), request.invocation());
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not read the history of step " + request.historyStepId() + ": " + e, e);
        }
    }

    private Duration workTime(CommandRequest request, Duration budget) {
        Duration time = budget.minus(SAVE_MARGIN);
        Optional<LambdaSettings> lambda = request.spec().lambda();
        if (lambda.isPresent()) {
            Duration own = Duration.ofSeconds(lambda.get().workBudgetSeconds());
            time = own.compareTo(time) < 0 ? own : time;
        }
        if (request.hasArg("timeout")) {
            Duration asked = Duration.ofMillis(request.longArg("timeout"));
            time = asked.compareTo(time) < 0 ? asked : time;
        }
        return time.isNegative() ? Duration.ZERO : time;
    }

    private void storeFullLists(CommandRequest request, Map<String, ArrayNode> lists) throws CommandException {
        for (Map.Entry<String, ArrayNode> e : lists.entrySet()) {
            try {
                services.storage().blobs().put(
                        BlobKeys.stepOutput(request.runId(), request.historyStepId(), request.invocation(), e.getKey()),
                        e.getValue().toString().getBytes(StandardCharsets.UTF_8), io.crawlseq.store.blob.BlobMetadata.json());
            } catch (RuntimeException ex) {
                throw CommandException.transientFailure("could not store the full " + e.getKey() + " list: " + ex, ex);
            }
        }
    }

    private void record(StepRecord step) throws CommandException {
        try {
            services.storage().runs().putStep(step);
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not record step " + step.stepId() + ": " + e, e);
        }
    }

    private void recordFailure(CommandRequest request, Instant started, CommandException e) {
        try {
            Instant now = services.clock().instant();
            ObjectNode envelope = request.spec().failedEnvelope(e.errorType(), String.valueOf(e.getMessage()));
            services.storage().runs().putStep(StepRecord.started(request.runId(), request.historyStepId(),
                    request.invocation(), request.attempt(), request.command(), Json.of(request.args()), started)
                    .finished(StepStatus.FAILED, now, Json.of(envelope),
                            Optional.of(ErrorInfo.of(e.errorType(), String.valueOf(e.getMessage())))));
            recordMetrics(request, envelope, true, Duration.between(started, now));
        } catch (RuntimeException | CommandException ignored) {
            // the store may be what failed; the error itself goes back to the state machine
            LOG.warn("could not record the failure of {} on step {}", request.command(), request.historyStepId());
        }
    }

    private void recordMetrics(CommandRequest request, ObjectNode envelope, boolean failed, Duration elapsed)
            throws CommandException {
        try {
            services.storage().metrics().record(request.command(), services.clock().instant(), MetricCounters.invocation(
                    failed, elapsed.toMillis(), envelope.path("pagesFetched").asLong(0), envelope.path("bytesFetched").asLong(0)));
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not record metrics: " + e, e);
        }
    }

    private void release(ContinuationLease lease) {
        if (lease == null) {
            return;
        }
        try {
            services.storage().continuations().release(lease);
        } catch (RuntimeException e) {
            LOG.warn("could not release continuation {}: {}", lease.token(), e.toString());
        }
    }
}
