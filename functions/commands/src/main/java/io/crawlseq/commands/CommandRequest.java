package io.crawlseq.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.ArgFormat;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.store.Continuation;
import io.crawlseq.store.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation of a command, as a handler sees it: the compiled Task's payload
 * ({@code command, stepId, args, context, runId, continuation?, loop?}) with the registry's
 * defaults applied to {@code args}, the target site resolved, the work deadline set, and for a
 * resumed long crawl the state its previous invocation saved.
 *
 * @param spec        the command's registry entry
 * @param args        the arguments with defaults filled in (a fresh copy on access)
 * @param context     the run context (a fresh copy on access)
 * @param startUrl    the target site: {@code args.startUrl}, else {@code context.startUrl}
 * @param iteration   indexes of the enclosing ForEach iterations, outermost first (empty outside loops)
 * @param attempt     1 for the first attempt, 2 for the first retry... (numbered by the runner from
 *                    the step's history, since not every engine exposes {@code $$.State.RetryCount})
 * @param continuation where a resumed long crawl continues (its invocation number is this one's)
 * @param resumeState the state the previous invocation saved, once the runner has loaded it
 * @param deadline    when the handler must stop starting new work and return (partial if work remains)
 */
public record CommandRequest(CommandSpec spec, String stepId, String runId, ObjectNode args, ObjectNode context,
                             Optional<String> startUrl, List<Integer> iteration, int attempt,
                             Optional<Continuation> continuation, Optional<JsonNode> resumeState, Instant deadline) {

    public CommandRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(runId, "runId");
        args = args.deepCopy();
        context = context.deepCopy();
        iteration = List.copyOf(iteration);
        Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public ObjectNode args() {
        return args.deepCopy();
    }

    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }

    public String command() {
        return spec.name();
    }

    /** 1 for a first invocation; 2, 3... for the continuations of a long crawl. */
    public int invocation() {
        return continuation.map(Continuation::invocation).orElse(1);
    }

    /** The step's id made unique per loop iteration ({@code explore[3]}), as history records it. */
    public String historyStepId() {
        return StepRecord.iterationStepId(stepId, iteration);
    }

    /** The target site; a crawling command without one is a user mistake reported as a failed result. */
    public String requireStartUrl() throws MissingStartUrl {
        return startUrl.orElseThrow(MissingStartUrl::new);
    }

    /** Thrown by {@link #requireStartUrl}; the runner reports it as a failed envelope. */
    public static final class MissingStartUrl extends Exception {
        private static final long serialVersionUID = 1L;

        MissingStartUrl() {
            super("no target site: give the command a startUrl argument or run it with a startUrl in the context");
        }
    }

    public CommandRequest withResumeState(JsonNode state) {
        return new CommandRequest(spec, stepId, runId, args, context, startUrl, iteration, attempt, continuation,
                Optional.of(state.deepCopy()), deadline);
    }

    public CommandRequest withAttempt(int value) {
        return new CommandRequest(spec, stepId, runId, args, context, startUrl, iteration, value, continuation,
                resumeState, deadline);
    }

    public CommandRequest withDeadline(Instant value) {
        return new CommandRequest(spec, stepId, runId, args, context, startUrl, iteration, attempt, continuation,
                resumeState, value);
    }

    // --- argument access for handlers ---------------------------------------------------------

    public int intArg(String name) {
        return args.path(name).asInt();
    }

    public long longArg(String name) {
        return args.path(name).asLong();
    }

    public double doubleArg(String name) {
        return args.path(name).asDouble();
    }

    public boolean booleanArg(String name) {
        return args.path(name).asBoolean();
    }

    public Optional<String> stringArg(String name) {
        JsonNode v = args.get(name);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    /** A list argument's strings; empty when absent. */
    public List<String> stringListArg(String name) {
        List<String> out = new ArrayList<>();
        args.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Whether the argument was given (or has a default). */
    public boolean hasArg(String name) {
        return args.has(name) && !args.get(name).isNull();
    }

    /**
     * Reads the compiled Task payload. Problems here are deployment bugs (the compiler and registry
     * disagree with the function), so they are fatal errors rather than failed results.
     */
    public static CommandRequest fromPayload(JsonNode payload, CommandRegistry registry, Instant deadline)
            throws CommandException {
        if (payload == null || !payload.isObject()) {
            throw CommandException.fatal("the task payload must be a JSON object, got " + (payload == null ? "nothing" : payload.getNodeType()));
        }
        String command = text(payload, "command");
        CommandSpec spec = registry.find(command).orElseThrow(() -> CommandException.fatal(
                "'" + command + "' is not a registered command (the deployed function and state machine disagree)"));
        JsonNode args = payload.path("args");
        if (!args.isMissingNode() && !args.isObject()) {
            throw CommandException.fatal("args must be an object");
        }
        JsonNode context = payload.path("context");
        if (!context.isMissingNode() && !context.isObject()) {
            throw CommandException.fatal("context must be an object");
        }
        ObjectNode effectiveArgs = spec.withDefaults(args.isObject() ? (ObjectNode) args
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        ObjectNode ctx = context.isObject() ? (ObjectNode) context
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Optional<String> startUrl = firstUrl(effectiveArgs.path("startUrl"), ctx.path("startUrl"));
        Optional<Continuation> continuation = Optional.empty();
        JsonNode cont = payload.path("continuation");
        if (cont.isObject()) {
            String token = cont.path("token").asText("");
            int invocation = cont.path("invocation").asInt(0);
            if (!Continuation.isWellFormedToken(token) || invocation < 2) {
                throw CommandException.fatal("malformed continuation " + cont);
            }
            continuation = Optional.of(new Continuation(token, invocation));
        }
        return new CommandRequest(spec, text(payload, "stepId"), text(payload, "runId"), effectiveArgs, ctx, startUrl,
                loopIndexes(payload.path("loop")), 1, continuation,
                Optional.empty(), deadline);
    }

    private static String text(JsonNode payload, String field) throws CommandException {
        JsonNode v = payload.path(field);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw CommandException.fatal("the task payload lacks '" + field + "'");
        }
        return v.textValue();
    }

    private static Optional<String> firstUrl(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isTextual() && ArgFormat.isHttpUrl(c.textValue())) {
                return Optional.of(c.textValue());
            }
        }
        return Optional.empty();
    }

    /** {@code loop: {index, outer: {index, outer: ...}}} (innermost first) to outermost-first indexes. */
    private static List<Integer> loopIndexes(JsonNode loop) {
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode l = loop; l.isObject() && l.path("index").isInt(); l = l.path("outer")) {
            indexes.addFirst(l.get("index").asInt());
        }
        return indexes;
    }
}
