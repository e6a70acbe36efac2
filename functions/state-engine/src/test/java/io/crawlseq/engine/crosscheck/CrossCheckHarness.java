package io.crawlseq.engine.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.ParseResult;
import io.crawlseq.engine.task.ScriptedTaskInvoker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same cases on the local engine and on aws-local-stepfunctions and says how they differ.
 * Reusable: another module can load its own cases (for instance compiled sequences) and call
 * {@link #runOnAwsLocal} once for all of them, then {@link #runLocally} and {@link #differences} per case.
 *
 * <p>Both engines answer tasks from the case's {@code taskResults} with the same conventions
 * ({@link ScriptedTaskInvoker}), never pause for Wait states or retries, and record each task call.
 */
public final class CrossCheckHarness {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RUNNER_RESOURCE = "/io/crawlseq/engine/crosscheck/crosscheck-runner.mjs";
    private static final long NODE_TIMEOUT_SECONDS = 300;

    /** The names both engines put in the context object, so $$.Execution.* and $$.StateMachine.* agree. */
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/CrossCheckRole";
    static final String STATE_MACHINE_NAME = "CrossCheck";
    static final String EXECUTION_NAME = "crosscheck";

    private final NodeTools tools;

    public CrossCheckHarness(NodeTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** The other engine's outcome of a case plus asl-validator's verdict on its definition. */
    public record AwsLocalResult(Outcome outcome, boolean definitionValid, String validationErrors) {
    }

    /** Runs every case in one Node process (cases run concurrently there); results keyed by case name. */
    public Map<String, AwsLocalResult> runOnAwsLocal(List<CrossCheckCase> cases) {
        ArrayNode input = MAPPER.createArrayNode();
        cases.forEach(testCase -> input.add(testCase.runnerJson().set("context", contextObject())));
        JsonNode results = runNode("run", input);
        Map<String, AwsLocalResult> byName = new LinkedHashMap<>();
        for (JsonNode result : results) {
            byName.put(result.get("name").asText(), new AwsLocalResult(nodeOutcome(result),
                    result.path("validation").path("valid").asBoolean(false),
                    result.path("validation").path("errors").asText("")));
        }
        return byName;
    }

    /** Times definitions on aws-local-stepfunctions: each element {name, definition, input, repeat, warmup}. */
    public JsonNode benchmarkOnAwsLocal(ArrayNode benches) {
        return runNode("bench", benches);
    }

    private JsonNode runNode(String mode, JsonNode input) {
        Path script = extractRunner();
        try {
            Process process = new ProcessBuilder(tools.node().toString(), script.toString(), tools.toolsDir().toString(), mode)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(MAPPER.writeValueAsBytes(input));
            }
            if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the Node runner did not finish within " + NODE_TIMEOUT_SECONDS + " s");
            }
            String errors = new String(stderr.join(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("the Node runner failed (exit " + process.exitValue() + "):\n" + errors);
            }
            return MAPPER.readTree(stdout.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + tools.node(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the Node runner", e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The runner ships in the (test-)jar; Node needs it as a file. */
    private static Path extractRunner() {
        try (InputStream in = CrossCheckHarness.class.getResourceAsStream(RUNNER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RUNNER_RESOURCE);
            }
            Path script = Files.createTempFile("crosscheck-runner", ".mjs");
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the local engine's context object holds besides Execution.Input/StartTime and the State part. */
    static JsonNode contextObject() {
        String prefix = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";
        ObjectNode context = MAPPER.createObjectNode();
        context.putObject("Execution").put("Id", prefix + "execution:" + STATE_MACHINE_NAME + ":" + EXECUTION_NAME)
                .put("Name", EXECUTION_NAME).put("RoleArn", ROLE_ARN).put("RedriveCount", 0);
        context.putObject("StateMachine").put("Id", prefix + "stateMachine:" + STATE_MACHINE_NAME).put("Name", STATE_MACHINE_NAME);
        return context;
    }

    private static Outcome nodeOutcome(JsonNode result) {
        List<Invocation> invocations = new ArrayList<>();
        for (JsonNode call : result.path("invocations")) {
            invocations.add(new Invocation(call.path("state").asText(),
                    call.path("functionName").isMissingNode() ? null : call.path("functionName").asText(null),
                    call.has("payload") ? call.get("payload") : MAPPER.nullNode()));
        }
        return new Outcome(result.path("status").asText(), result.get("output"),
                result.path("error").isTextual() ? result.get("error").textValue() : null,
                result.path("cause").isTextual() ? result.get("cause").textValue() : null, invocations);
    }

    /** Runs a case on the local engine with the same script and without pauses. */
    public static Outcome runLocally(CrossCheckCase testCase) {
        ParseResult parsed = AslParser.parse(testCase.definition());
        if (!parsed.isValid()) {
            return new Outcome("INVALID_DEFINITION", null, null, parsed.problems().toString(), List.of());
        }
        ScriptedTaskInvoker invoker = new ScriptedTaskInvoker(testCase.taskResults());
        LocalEngine engine = LocalEngine.builder().taskInvoker(invoker).delayScale(0).seed(1)
                .region(REGION).accountId(ACCOUNT).roleArn(ROLE_ARN).build();
        ExecutionResult result = engine.start(parsed.orElseThrow(), testCase.input(), EXECUTION_NAME, STATE_MACHINE_NAME);
        List<Invocation> invocations = invoker.invocations().stream()
                .map(call -> new Invocation(call.stateName(), call.functionName(), call.payload()))
                .toList();
        return new Outcome(result.status().name(), result.output(), result.error(), result.cause(), invocations);
    }

    /** What the local outcome gets wrong against the case's own expectation; empty when none. */
    public static List<String> expectationFailures(CrossCheckCase testCase, Outcome local) {
        List<String> failures = new ArrayList<>();
        CrossCheckCase.Expectation expect = testCase.expect();
        if (expect.status() != null && !expect.status().equals(local.status())) {
            failures.add("expected status " + expect.status() + " but the local engine ended " + local.status()
                    + (local.error() == null ? "" : " with " + local.error() + ": " + local.cause()));
        }
        if (expect.output() != null && !CanonicalJson.equal(expect.output(), local.output())) {
            failures.add("expected output " + CanonicalJson.render(expect.output()) + " but the local engine produced "
                    + (local.output() == null ? "none" : CanonicalJson.render(local.output())));
        }
        if (expect.error() != null && !expect.error().equals(local.error())) {
            failures.add("expected error " + expect.error() + " but the local engine reported " + local.error());
        }
        return failures;
    }

    /** How the two engines differ on a case: status, output, error (and cause if asked), task calls. */
    public static List<String> differences(CrossCheckCase testCase, Outcome local, Outcome other) {
        List<String> differences = new ArrayList<>();
        if (!local.status().equals(other.status())) {
            differences.add("status: local " + local.status() + " (" + local.error() + ": " + local.cause() + ") vs aws-local "
                    + other.status() + " (" + other.error() + ": " + other.cause() + ")");
        }
        if ("SUCCEEDED".equals(local.status()) && "SUCCEEDED".equals(other.status())
                && !CanonicalJson.equal(local.output(), other.output())) {
            differences.add("output: local " + CanonicalJson.render(local.output()) + " vs aws-local "
                    + CanonicalJson.render(other.output()));
        }
        if ("FAILED".equals(local.status()) && "FAILED".equals(other.status())) {
            if (!Objects.equals(local.error(), other.error())) {
                differences.add("error: local " + local.error() + " vs aws-local " + other.error());
            }
            if (testCase.compareCause() && !Objects.equals(local.cause(), other.cause())) {
                differences.add("cause: local " + local.cause() + " vs aws-local " + other.cause());
            }
        }
        List<String> localCalls = local.invocations().stream().map(Invocation::canonical).toList();
        List<String> otherCalls = other.invocations().stream().map(Invocation::canonical).toList();
        if (testCase.unordered()) {
            localCalls = localCalls.stream().sorted(Comparator.naturalOrder()).toList();
            otherCalls = otherCalls.stream().sorted(Comparator.naturalOrder()).toList();
        }
        if (!localCalls.equals(otherCalls)) {
            differences.add("invocations" + (testCase.unordered() ? " (as a multiset)" : "") + ":\n  local    "
                    + String.join("\n           ", localCalls) + "\n  aws-local " + String.join("\n           ", otherCalls));
        }
        return differences;
    }
}
