package io.crawlseq.lang.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.load.RepositoryFiles;
import io.crawlseq.lang.parse.SourceFormat;
import io.crawlseq.lang.registry.CommandErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code statemachine/} holds the compiled definitions of the example sequences, one file per base
 * name ({@code sequences/g7-place-hubs.json} and {@code .yaml} are twins and must compile to the same
 * bytes), with {@code ${...FunctionArn}} placeholders for SAM's {@code DefinitionSubstitutions}. The
 * test fails when a file is stale, missing or left over; {@link #REGENERATE} rewrites them.
 */
class StateMachineFilesTest {

    static final String REGENERATE = "regenerate with: ./mvnw -q -pl functions/sequence-lang test "
            + "-Dtest=StateMachineFilesTest -Dcrawlseq.regenerate=true";

    private static Map<String, List<Path>> examplesByBaseName() throws IOException {
        Map<String, List<Path>> groups = new TreeMap<>();
        try (Stream<Path> files = Files.list(RepositoryFiles.resolve("sequences"))) {
            files.filter(f -> SourceFormat.ofFileName(f.getFileName().toString()).isPresent()).sorted()
                    .forEach(f -> groups.computeIfAbsent(baseName(f), k -> new ArrayList<>()).add(f));
        }
        return groups;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void everyExample_isCompiledInStatemachineAndUpToDate() throws IOException {
        Path dir = RepositoryFiles.resolve("statemachine");
        boolean regenerate = Boolean.getBoolean("crawlseq.regenerate");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<Path>> group : examplesByBaseName().entrySet()) {
            String compiled = compileTwins(group.getValue());
            Path file = dir.resolve(group.getKey() + ".asl.json");
            if (regenerate) {
                Files.createDirectories(dir);
                Files.writeString(file, compiled, StandardCharsets.UTF_8);
            } else if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(compiled)) {
                stale.add(file.getFileName().toString());
            }
        }
        assertThat(stale).as("stale or missing files in statemachine/; " + REGENERATE).isEmpty();
    }

    @Test
    void statemachine_holdsNoDefinitionWithoutAnExample() throws IOException {
        var expected = examplesByBaseName().keySet().stream().map(b -> b + ".asl.json").toList();
        try (Stream<Path> files = Files.list(RepositoryFiles.resolve("statemachine"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void compiledDefinitions_keepOnlyFunctionArnPlaceholders() throws IOException {
        for (List<Path> twins : examplesByBaseName().values()) {
            Compilation compilation = Compilation.of(twins.getFirst());
            CompileResult result = compilation.compiled().orElseThrow();
            assertThat(result.substitutions()).as(twins.getFirst().toString()).isNotEmpty()
                    .allSatisfy(name -> assertThat(name).endsWith("FunctionArn"));
        }
    }

    @Test
    void everyTaskRetry_matchesTheErrorNameTheJavaLambdaRuntimeReports() throws IOException {
        for (List<Path> twins : examplesByBaseName().values()) {
            var definition = Compilation.of(twins.getFirst()).compiled().orElseThrow().definition();
            var transientRetriers = definition.findParents("ErrorEquals").stream()
                    .filter(r -> r.path("ErrorEquals").toString().contains(CommandErrors.TRANSIENT))
                    .toList();
            assertThat(transientRetriers).as(twins.getFirst().toString()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path("ErrorEquals").toString()).contains(CommandErrors.TRANSIENT_JAVA_LAMBDA));
        }
    }

    /** Compiles each twin; they must all be deployable and byte-identical. */
    private static String compileTwins(List<Path> twins) {
        String first = null;
        for (Path twin : twins) {
            Compilation compilation = Compilation.of(twin);
            assertThat(compilation.isDeployable()).as(twin + " is deployable: " + compilation.diagnostics()).isTrue();
            String json = compilation.compiled().orElseThrow().json();
            if (first == null) {
                first = json;
            } else {
                assertThat(json).as(twin + " compiles exactly like its twin " + twins.getFirst()).isEqualTo(first);
            }
        }
        return first;
    }
}
