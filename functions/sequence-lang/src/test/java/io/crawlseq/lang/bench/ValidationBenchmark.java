package io.crawlseq.lang.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.RepositoryFiles;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.parse.DocumentReader;
import io.crawlseq.lang.parse.InputLimits;
import io.crawlseq.lang.parse.ParsedDocument;
import io.crawlseq.lang.schema.SequenceSchemas;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.testing.YamlEmitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Validation time (report, not assertion): a generated 10,000-step v2 sequence as JSON and YAML,
 * and the shipped examples. Prints a Markdown table for docs/benchmarks.md. Run with:
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/sequence-lang test-compile exec:java \
 *     -Dexec.mainClass=io.crawlseq.lang.bench.ValidationBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class ValidationBenchmark {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int STEPS = 10_000;

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ObjectNode big = bigSequence(STEPS);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(big);
        byte[] yaml = YamlEmitter.emit("big.yaml", big).bytes();
        // kept for timing the CLI end to end (JVM start included)
        Path target = RepositoryFiles.resolve("functions/sequence-lang/target");
        Files.write(target.resolve("benchmark-10000-steps.json"), json);
        Files.write(target.resolve("benchmark-10000-steps.yaml"), yaml);
        // warm both paths up before measuring either, so the first row does not pay for the JIT
        for (int i = 0; i < 10; i++) {
            SequenceLoader.load("big.json", json);
            SequenceLoader.load("big.yaml", yaml);
        }
        System.out.println("| Input | Size | Read (parse + positions) | Shape (JSON Schema) | Full validation | Diagnostics |");
        System.out.println("|---|---|---|---|---|---|");
        row("10,000-step sequence, JSON", json.length, 5, 15,
                () -> DocumentReader.read("big.json", json, InputLimits.DEFAULT),
                () -> SequenceLoader.load("big.json", json));
        row("10,000-step sequence, YAML", yaml.length, 5, 15,
                () -> DocumentReader.read("big.yaml", yaml, InputLimits.DEFAULT),
                () -> SequenceLoader.load("big.yaml", yaml));
        List<Path> examples;
        try (Stream<Path> files = Files.list(RepositoryFiles.resolve("sequences"))) {
            examples = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : examples) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            row("`sequences/" + name + "`", content.length, 200, 500,
                    () -> DocumentReader.read(name, content, InputLimits.DEFAULT),
                    () -> SequenceLoader.load(name, content));
        }
        System.out.println();
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", available processors: " + Runtime.getRuntime().availableProcessors()
                + ", max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }

    private static void row(String label, int size, int warmup, int runs, Supplier<ParsedDocument> read,
                            Supplier<LoadResult> load) {
        double readMs = median(warmup, runs, read);
        ParsedDocument parsed = read.get();
        double schemaMs = median(warmup, runs, () -> SequenceSchemas.validate(parsed.root().orElseThrow(),
                parsed.root().get().isArray() ? SequenceVersion.V1 : SequenceVersion.V2, parsed.sourceMap(), p -> false));
        double loadMs = median(warmup, runs, load::get);
        LoadResult result = load.get();
        System.out.printf("| %s | %s | %s | %s | %s | %d errors, %d warnings |%n", label, size(size), ms(readMs),
                ms(schemaMs), ms(loadMs), result.errorCount(), result.warningCount());
    }

    private static double median(int warmup, int runs, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static String ms(double ms) {
        return ms >= 10 ? String.format("%.0f ms", ms) : String.format("%.2f ms", ms);
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MiB", bytes / (1024.0 * 1024)) : String.format("%.1f KiB", bytes / 1024.0);
    }

    /**
     * A realistic shape, repeated: a command with an id, a Conditional on its result, and a ForEach
     * over its hubs with a templated command inside. Counts every step node (nested ones too).
     */
    static ObjectNode bigSequence(int steps) {
        ObjectNode root = F.objectNode();
        root.put("type", "Sequence");
        root.put("name", "benchmark");
        root.putObject("context").putArray("countries").add("US").add("FR");
        ArrayNode list = root.putArray("steps");
        int count = 0;
        int group = 0;
        while (count < steps) {
            String id = "hubs" + group++;
            ObjectNode command = list.addObject();
            command.put("type", "Command");
            command.put("command", "ensureCountryHubs");
            command.put("id", id);
            command.putObject("args").put("minConfidence", 0.7).putArray("countries").add("US").add("GB");
            count++;
            if (count + 2 <= steps) {
                ObjectNode conditional = list.addObject();
                conditional.put("type", "Conditional");
                conditional.put("if", "results." + id + ".success && results." + id + ".hubCount > 3");
                ObjectNode then = conditional.putArray("then").addObject();
                then.put("type", "Command");
                then.put("command", "logWarning");
                then.putObject("args").put("message", "{{results." + id + ".hubCount}} hubs");
                count += 2;
            }
            if (count + 2 <= steps) {
                ObjectNode loop = list.addObject();
                loop.put("type", "ForEach");
                loop.put("each", "results." + id + ".hubs");
                loop.put("as", "hub");
                ObjectNode body = loop.putArray("do").addObject();
                body.put("type", "Command");
                body.put("command", "hubDepthProbe");
                body.putObject("args").put("hubUrl", "{{hub.url}}").put("maxPage", 100);
                count += 2;
            }
        }
        return root;
    }
}
