package io.crawlseq.lang.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequences shipped in {@code sequences/}: the brief's examples verbatim and realistic ones. */
class ExampleSequencesTest {

    /** Warnings the brief's verbatim G7 text forces (undeclared context, result from inside a loop). */
    private static final List<String> G7_WARNINGS = List.of("undeclared-context", "result-may-be-absent");
    private static final Map<String, List<String>> EXPECTED_WARNINGS = Map.of(
            "g7-place-hubs.json", G7_WARNINGS,
            "g7-place-hubs.yaml", G7_WARNINGS);

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryFiles.resolve("sequences"))) {
            // sequences/scripts/ holds the scripts runScript steps name, not sequences
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_validatesWithoutErrors(Path file) {
        LoadResult result = SequenceLoader.load(file);

        assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
        assertThat(result.sequence()).isPresent();
        assertThat(result.diagnostics()).extracting(d -> d.code().id())
                .containsExactlyElementsOf(EXPECTED_WARNINGS.getOrDefault(file.getFileName().toString(), List.of()));
    }

    @Test
    void examples_includeTheBriefsVerbatimOnes_inJsonAndYaml() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();

        assertThat(names).contains("simple-us-exploration.json", "simple-us-exploration.yaml",
                "g7-place-hubs.json", "g7-place-hubs.yaml", "conditional-topic-discovery.json",
                "conditional-topic-discovery.yaml", "simple-us-exploration-with-timeout.json");
        assertThat(names.size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void yamlVersions_buildTheSameModelAsTheirJson() throws IOException {
        for (String base : List.of("simple-us-exploration", "g7-place-hubs", "conditional-topic-discovery")) {
            Sequence json = load(base + ".json");
            Sequence yaml = load(base + ".yaml");

            assertThat(yaml).as(base).isEqualTo(json);
        }
    }

    @Test
    void v1Example_becomesThreeCommands_numberedStep1To3() {
        Sequence s = load("simple-us-exploration.json");

        assertThat(s.version()).isEqualTo(SequenceVersion.V1);
        assertThat(s.commands()).extracting(CommandStep::id).containsExactly("step1", "step2", "step3");
        assertThat(s.commands()).extracting(CommandStep::command)
                .containsExactly("ensureCountryHubs", "exploreCountryHubs", "findTopicHubs");
        assertThat(s.commands().get(1).args().toString()).isEqualTo("{\"country\":\"US\",\"limit\":100}");
        assertThat(s.commands().get(1).pointer()).isEqualTo("/1");
    }

    @Test
    void g7Example_hasAForEachThenAConditional_andStep1IsTheCommandInsideTheLoop() {
        Sequence s = load("g7-place-hubs.json");

        assertThat(s.steps()).hasSize(2);
        ForEach loop = (ForEach) s.steps().get(0);
        assertThat(loop.each()).isEqualTo("context.g7_countries");
        assertThat(loop.as()).isEqualTo("country");
        assertThat(loop.maxConcurrency()).isEqualTo(ForEach.DEFAULT_MAX_CONCURRENCY);
        assertThat(((CommandStep) loop.body().getFirst()).id()).isEqualTo("step1");
        Conditional conditional = (Conditional) s.steps().get(1);
        assertThat(conditional.condition()).isEqualTo("results.step1.status === 'success'");
        assertThat(conditional.hasElse()).isFalse();
        assertThat(((CommandStep) conditional.thenSteps().getFirst()).id()).isEqualTo("step2");
    }

    @Test
    void g7Warnings_pointAtTheUndeclaredKeyAndTheLoopResult() {
        LoadResult result = SequenceLoader.load(RepositoryFiles.resolve("sequences/g7-place-hubs.json"));

        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                result.fileName() + ":6:24: warning undeclared-context: context.g7_countries is not declared in the "
                        + "sequence's context, so every run must provide it in its input",
                result.fileName() + ":18:22: warning result-may-be-absent: results.step1 may be absent here: its "
                        + "command is inside the ForEach at line 4 and may not have run");
    }

    private static Sequence load(String name) {
        return SequenceLoader.load(RepositoryFiles.resolve("sequences/" + name)).sequence().orElseThrow();
    }
}
