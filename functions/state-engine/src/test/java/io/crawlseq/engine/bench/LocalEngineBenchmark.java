package io.crawlseq.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.ExecutionStatus;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.crosscheck.CrossCheckHarness;
import io.crawlseq.engine.crosscheck.NodeTools;
import io.crawlseq.engine.history.HistoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transitions per second of the local engine against aws-local-stepfunctions on the same definitions.
 * A report, not a test: it only runs when asked ({@code -Dcrawlseq.benchmark=true}) and asserts nothing
 * about speed. Tasks answer at once on both engines; a transition is a state entered. Each engine warms
 * up, then runs {@link #ROUNDS} rounds and the median round counts.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/state-engine -am test -Dtest=LocalEngineBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcrawlseq.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "crawlseq.benchmark", matches = "true")
class LocalEngineBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Measured rounds per engine and definition; the median round is reported (the machine is shared). */
    private static final int ROUNDS = 5;
    private static final JsonNode ANSWER = MAPPER.createObjectNode().put("ok", true).put("count", 3);

    private record Bench(String name, ObjectNode definition, JsonNode input, int warmup, int repeat) {
    }

    /** Pass, Choice and lambda:invoke Task in turn, {@code length} states in one chain. */
    static ObjectNode chain(int length) {
        ObjectNode states = MAPPER.createObjectNode();
        for (int i = 0; i < length; i++) {
            String name = "S" + i;
            String next = i + 1 < length ? "S" + (i + 1) : null;
            ObjectNode state = states.putObject(name);
            switch (i % 3) {
                case 0 -> {
                    state.put("Type", "Pass");
                    state.putObject("Result").put("step", i);
                    state.put("ResultPath", "$.last");
                }
                case 1 -> {
                    state.put("Type", "Choice");
                    ObjectNode rule = state.putArray("Choices").addObject();
                    rule.put("Variable", "$.last.step").put("NumericGreaterThanEquals", 0);
                    if (next != null) {
                        rule.put("Next", next);
                        state.put("Default", next);
                    }
                }
                default -> {
                    state.put("Type", "Task");
                    state.put("Resource", "arn:aws:states:::lambda:invoke");
                    ObjectNode parameters = state.putObject("Parameters");
                    parameters.put("FunctionName", "${StepFunctionArn}");
                    parameters.putObject("Payload").put("step.$", "$.last.step").put("command", "noop");
                    state.putObject("ResultSelector").put("value.$", "$.Payload");
                    state.put("ResultPath", "$.result");
                }
            }
            if (!state.path("Type").asText().equals("Choice")) {
                if (next == null) {
                    state.put("End", true);
                } else {
                    state.put("Next", next);
                }
            }
        }
        if (length % 3 == 2) {
            // A Choice cannot end a chain; finish with a Succeed state.
            ObjectNode last = (ObjectNode) states.get("S" + (length - 1));
            ((ObjectNode) last.get("Choices").get(0)).put("Next", "Done");
            last.put("Default", "Done");
            states.putObject("Done").put("Type", "Succeed");
        }
        ObjectNode definition = MAPPER.createObjectNode();
        definition.put("StartAt", "S0");
        definition.set("States", states);
        return definition;
    }

    /** A Map over {@code items} items whose iterations run a Pass and a lambda:invoke Task. */
    static ObjectNode map() {
        ObjectNode definition = (ObjectNode) parse("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 40,
                  "ItemSelector": {"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
                  "ItemProcessor": {"StartAt": "Shape", "States": {
                    "Shape": {"Type": "Pass", "Parameters": {"url.$": "States.Format('https://example.com/{}', $.item)"}, "Next": "Fetch"},
                    "Fetch": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                              "Parameters": {"FunctionName": "${FetchFunctionArn}", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}},
                  "ResultPath": "$.results", "End": true}}}
                """);
        return definition;
    }

    static JsonNode items(int count) {
        ObjectNode input = MAPPER.createObjectNode();
        ArrayNode items = input.putArray("items");
        for (int i = 0; i < count; i++) {
            items.add(i);
        }
        return input;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void transitionsPerSecond_localEngineVersusAwsLocalStepFunctions() {
        List<Bench> benches = List.of(
                new Bench("chain-1000", chain(1000), MAPPER.createObjectNode(), 100, 40),
                new Bench("map-1000", map(), items(1000), 40, 20));
        LocalEngine engine = LocalEngine.builder().taskInvoker(invocation -> ANSWER).delayScale(0).seed(1).build();

        List<String> rows = new ArrayList<>();
        List<Double> localRates = new ArrayList<>();
        List<Long> transitions = new ArrayList<>();
        for (Bench bench : benches) {
            StateMachine machine = AslParser.parse(bench.definition()).orElseThrow();
            long perRun = 0;
            for (int i = 0; i < bench.warmup(); i++) {
                ExecutionResult result = engine.start(machine, bench.input());
                assertThat(result.status()).as(bench.name() + ": " + result.error() + " " + result.cause())
                        .isEqualTo(ExecutionStatus.SUCCEEDED);
                perRun = result.history().stream().map(HistoryEvent::type).filter(type -> type.isStateEntered()).count();
            }
            List<Double> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                for (int i = 0; i < bench.repeat(); i++) {
                    engine.start(machine, bench.input());
                }
                rounds.add(perRun * bench.repeat() / ((System.nanoTime() - started) / 1e9));
            }
            localRates.add(median(rounds));
            transitions.add(perRun);
        }

        NodeTools tools = NodeTools.requireOrSkip();
        ArrayNode nodeBenches = MAPPER.createArrayNode();
        for (Bench bench : benches) {
            ObjectNode entry = nodeBenches.addObject();
            entry.put("name", bench.name());
            entry.set("definition", bench.definition());
            entry.set("input", bench.input());
            entry.put("warmup", bench.warmup());
            entry.put("repeat", bench.repeat());
            entry.put("rounds", ROUNDS);
            entry.set("taskResult", ANSWER);
        }
        JsonNode nodeTimings = new CrossCheckHarness(tools).benchmarkOnAwsLocal(nodeBenches);

        rows.add("| Definition | Transitions per run | Local engine (transitions/s) | aws-local-stepfunctions (transitions/s) | Ratio |");
        rows.add("|---|---:|---:|---:|---:|");
        for (int i = 0; i < benches.size(); i++) {
            JsonNode timing = nodeTimings.get(i);
            List<Double> nodeRounds = new ArrayList<>();
            for (JsonNode roundMs : timing.path("roundsMs")) {
                nodeRounds.add(transitions.get(i) * timing.path("runs").asDouble() / (roundMs.asDouble() / 1000));
            }
            double nodeRate = median(nodeRounds);
            rows.add(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.1fx |", benches.get(i).name(), transitions.get(i),
                    localRates.get(i), nodeRate, localRates.get(i) / nodeRate));
        }
        System.out.println(String.join("\n", rows));
    }
}
