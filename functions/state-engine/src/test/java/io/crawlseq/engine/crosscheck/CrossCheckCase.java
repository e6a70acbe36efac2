package io.crawlseq.engine.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One cross-check case, read from a JSON file:
 * <pre>
 * {
 *   "description": "what the case exercises",
 *   "definition": { ASL },
 *   "input": { execution input },
 *   "taskResults": { "StateOrFunction": [ result | {"error", "cause"} | {"$echo": true} | {"$hang": true} ... ] },
 *   "expect": { "status": "SUCCEEDED", "output": {...}, "error": "..." },   // checked on the local engine
 *   "unordered": true,        // optional: compare invocations as a multiset (automatic for concurrent Map/Parallel)
 *   "compareCause": true,     // optional: also compare the failure cause
 *   "awsLocalDifference": "why aws-local-stepfunctions cannot be compared here"   // optional: skip the comparison
 * }
 * </pre>
 * The case's name is the file name without {@code .json}.
 */
public record CrossCheckCase(String name, String description, JsonNode definition, JsonNode input, JsonNode taskResults,
                             Expectation expect, boolean unordered, boolean compareCause, String awsLocalDifference) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the local engine must do, independently of the other engine. Null fields are not checked. */
    public record Expectation(String status, JsonNode output, String error) {
    }

    /** Every {@code *.json} file of {@code directory}, sorted by name. */
    public static List<CrossCheckCase> loadDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<CrossCheckCase> cases = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                cases.add(fromJson(name, MAPPER.readTree(file.toFile())));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cross-check cases from " + directory, e);
        }
    }

    public static CrossCheckCase fromJson(String name, JsonNode json) {
        if (!json.path("definition").isObject()) {
            throw new IllegalArgumentException("case " + name + " has no definition object");
        }
        JsonNode expect = json.path("expect");
        Expectation expectation = new Expectation(
                expect.path("status").isTextual() ? expect.get("status").textValue() : null,
                expect.has("output") ? expect.get("output") : null,
                expect.path("error").isTextual() ? expect.get("error").textValue() : null);
        JsonNode definition = json.get("definition");
        boolean unordered = json.path("unordered").asBoolean(false) || hasConcurrency(definition);
        return new CrossCheckCase(name, json.path("description").asText(""), definition,
                json.has("input") ? json.get("input") : MAPPER.createObjectNode(),
                json.has("taskResults") ? json.get("taskResults") : MAPPER.createObjectNode(),
                expectation, unordered, json.path("compareCause").asBoolean(false),
                json.path("awsLocalDifference").isTextual() ? json.get("awsLocalDifference").textValue() : null);
    }

    /** What the Node runner reads. */
    public ObjectNode runnerJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", name);
        node.set("definition", definition);
        node.set("input", input);
        node.set("taskResults", taskResults);
        return node;
    }

    /** True when tasks may run in a different order on each engine: a Map not limited to 1 or a Parallel. */
    static boolean hasConcurrency(JsonNode graph) {
        Iterator<Map.Entry<String, JsonNode>> states = graph.path("States").fields();
        while (states.hasNext()) {
            JsonNode state = states.next().getValue();
            String type = state.path("Type").asText();
            if (type.equals("Parallel") && state.path("Branches").size() > 1) {
                return true;
            }
            if (type.equals("Map") && state.path("MaxConcurrency").asInt(0) != 1) {
                return true;
            }
            for (JsonNode branch : state.path("Branches")) {
                if (hasConcurrency(branch)) {
                    return true;
                }
            }
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
            if (hasConcurrency(processor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
