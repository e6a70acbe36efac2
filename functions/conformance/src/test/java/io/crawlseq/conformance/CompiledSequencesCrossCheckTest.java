package io.crawlseq.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.crosscheck.CrossCheckCase;
import io.crawlseq.engine.crosscheck.CrossCheckHarness;
import io.crawlseq.engine.crosscheck.NodeTools;
import io.crawlseq.engine.crosscheck.Outcome;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.CompileResult;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.plan.RunContexts;
import io.crawlseq.lang.registry.CommandRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example sequence and every sequence under {@code src/test/resources/sequences}, compiled,
 * then run under several scripted scenarios (success, transient failures retried, retries
 * exhausted, fatal errors, failed envelopes, long-crawl continuations, a hung first attempt) on the
 * local engine and on aws-local-stepfunctions: same status, same final output, same task
 * invocations with the same payloads.
 */
class CompiledSequencesCrossCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path REPO = Path.of(System.getProperty(NodeTools.REPO_DIR_PROPERTY, "../.."));
    private static final CommandRegistry REGISTRY = CommandRegistry.standard();
    private static final String START_URL = "https://news.example/";
    /** What a run of the brief's verbatim G7 example must bring, since that sequence declares no context. */
    private static final ObjectNode RUN_INPUT = json("{\"g7_countries\": [{\"code\": \"US\"}, {\"code\": \"JP\"}]}");

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compiled sequence under one scenario, with what the local engine must end with. */
    record CompiledCase(CrossCheckCase testCase, String expectedStatus) {
    }

    @TestFactory
    Stream<DynamicTest> compiledSequencesBehaveTheSameOnBothEngines() {
        NodeTools tools = NodeTools.requireOrSkip();
        List<CompiledCase> cases = cases();
        dumpIfAsked(cases);
        if (System.getProperty("crawlseq.conformance.only") == null) {
            assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        }
        Map<String, CrossCheckHarness.AwsLocalResult> awsLocal = new CrossCheckHarness(tools)
                .runOnAwsLocal(cases.stream().map(CompiledCase::testCase).toList());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.testCase().name(), () -> {
            CrossCheckHarness.AwsLocalResult other = awsLocal.get(c.testCase().name());
            assertThat(other.definitionValid()).as("asl-validator: " + other.validationErrors()).isTrue();
            Outcome local = CrossCheckHarness.runLocally(c.testCase());
            assertThat(local.status()).as("local engine: %s %s", local.error(), local.cause()).isEqualTo(c.expectedStatus());
            assertThat(CrossCheckHarness.differences(c.testCase(), local, other.outcome())).isEmpty();
        }));
    }

    /** {@code -Dcrawlseq.conformance.dump=DIR} writes each case as a cross-check case file, for debugging. */
    private static void dumpIfAsked(List<CompiledCase> cases) {
        String dir = System.getProperty("crawlseq.conformance.dump");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            for (CompiledCase c : cases) {
                Files.writeString(Path.of(dir, c.testCase().name() + ".json"), c.testCase().runnerJson().toPrettyString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CompiledCase> cases() {
        List<CompiledCase> cases = new ArrayList<>();
        for (Map.Entry<String, Path> e : sequences().entrySet()) {
            Compilation compilation = Compilation.of(e.getValue());
            assertThat(compilation.isDeployable()).as(e.getValue() + ": " + compilation.diagnostics()).isTrue();
            Sequence sequence = compilation.load().sequence().orElseThrow();
            CompileResult compiled = compilation.compiled().orElseThrow();
            ObjectNode input = JSON.createObjectNode();
            input.set("context", RunContexts.merge(sequence, RUN_INPUT.deepCopy(), START_URL));
            for (Scenario scenario : scenariosFor(sequence)) {
                ObjectNode json = JSON.createObjectNode();
                json.put("description", e.getKey() + " under " + scenario);
                json.set("definition", compiled.definition());
                json.set("input", input);
                json.set("taskResults", scenario.taskResults(compiled, REGISTRY, shortTimeoutSteps(sequence)));
                String name = e.getKey() + "--" + scenario.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                if (!name.matches(System.getProperty("crawlseq.conformance.only", ".*"))) {
                    continue;
                }
                cases.add(new CompiledCase(CrossCheckCase.fromJson(name, json), expectedStatus(sequence, scenario)));
            }
        }
        return cases;
    }

    /** The examples (one per base name: the YAML twins compile to the same ASL) and the conformance sequences. */
    static Map<String, Path> sequences() {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path dir : List.of(REPO.resolve("sequences"), REPO.resolve("functions/conformance/src/test/resources/sequences"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted()
                        .forEach(f -> byName.putIfAbsent(f.getFileName().toString().replaceFirst("\\.(json|ya?ml)$", ""), f));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return byName;
    }

    /** Steps whose timeout is short enough to let a hung first attempt time out within the test. */
    private static java.util.Set<String> shortTimeoutSteps(Sequence sequence) {
        return sequence.commands().stream()
                .filter(c -> c.timeoutMs().isPresent() && c.timeoutMs().getAsLong() <= 2_000)
                .map(CommandStep::id).collect(java.util.stream.Collectors.toSet());
    }

    private static List<Scenario> scenariosFor(Sequence sequence) {
        boolean timeouts = !shortTimeoutSteps(sequence).isEmpty();
        boolean crawls = sequence.commands().stream().anyMatch(c -> REGISTRY.require(c.command()).crawls());
        // With iterations in flight at once, which call takes which scripted answer depends on timing;
        // scenarios whose answers alternate are only deterministic when loops run one at a time.
        boolean concurrent = CrossCheckCase.hasConcurrency(new SequenceCompiler(REGISTRY).compile(sequence).definition());
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if ((s == Scenario.FIRST_ATTEMPT_HANGS && !timeouts) || (s == Scenario.PARTIAL_THEN_DONE && !crawls)
                    || (s.orderSensitive() && concurrent)) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** Failures end the run only where a top-level command that is sure to run aborts on error. */
    private static String expectedStatus(Sequence sequence, Scenario scenario) {
        boolean failing = scenario == Scenario.RETRIES_EXHAUSTED || scenario == Scenario.FATAL_ERRORS
                || scenario == Scenario.FAILED_ENVELOPES;
        boolean aborts = sequence.steps().stream()
                .anyMatch(s -> s instanceof CommandStep c && sequence.onErrorOf(c) == OnError.ABORT
                        && REGISTRY.require(c.command()).lambda().isPresent());
        return failing && aborts ? "FAILED" : "SUCCEEDED";
    }
}
