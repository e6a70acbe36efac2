package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Path repo(String relative) {
        String root = System.getProperty("crawlseq.repo.dir", "../..");
        return Path.of(root).resolve(relative);
    }

    @Test
    void cleanFiles_exitZero_withOnlyASummaryOnStderr() throws IOException {
        Path file = write("ok.yaml", "- ensureCountryHubs\n- findTopicHubs\n");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("0 errors, 0 warnings in 1 file\n");
    }

    @Test
    void errors_exitOne_withOneLinePerProblem_inCompilerFormat() throws IOException {
        Path file = write("bad.yaml", """
                - command: exploreCountryHub
                - command: logWarning
                  args: {mesage: hi}
                """);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                file + ":1:12: error unknown-command: unknown command 'exploreCountryHub'; did you mean 'exploreCountryHubs'?",
                file + ":3:9: error missing-argument: logWarning needs the argument 'message' (the warning text)",
                file + ":3:10: error unknown-argument: logWarning has no argument 'mesage'; did you mean 'message'?");
        assertThat(run.err()).isEqualTo("3 errors, 0 warnings in 1 file\n");
    }

    @Test
    void warningsOnly_exitZero() throws IOException {
        Path file = write("warn.yaml", """
                type: Sequence
                steps:
                  - type: Command
                    command: exploreCountryHubs
                    args: {country: "{{context.country}}"}
                """);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(file + ":5:32: warning undeclared-context: ");
        assertThat(run.err()).isEqualTo("0 errors, 1 warning in 1 file\n");
    }

    @Test
    void json_addsPointersAndSeverities_andKeepsStdoutPureJson() throws IOException {
        Path bad = write("bad.json", "[\n  \"ensureCountryHubs\",\n  \"nope\"\n]\n");
        Path good = write("good.json", "[\"findTopicHubs\"]");

        CliRun run = CliRun.of("validate", "--json", bad.toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("files")).hasSize(2);
        JsonNode first = report.get("files").get(0);
        assertThat(first.get("valid").asBoolean()).isFalse();
        assertThat(first.get("version").asText()).isEqualTo("v1");
        JsonNode d = first.get("diagnostics").get(0);
        assertThat(d.get("pointer").asText()).isEqualTo("/1");
        assertThat(d.get("line").asInt()).isEqualTo(3);
        assertThat(d.get("column").asInt()).isEqualTo(3);
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("code").asText()).isEqualTo("unknown-command");
        assertThat(report.get("files").get(1).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDirectory_standsForTheSequenceFilesInIt() throws IOException {
        write("a.json", "[\"ensureCountryHubs\"]");
        write("b.yml", "- findTopicHubs\n");
        write("notes.txt", "not a sequence");

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("0 errors, 0 warnings in 2 files\n");
    }

    @Test
    void aMissingFile_isAProblemOfTheInput_notAUsageError() {
        Path missing = dir.resolve("missing.yaml");

        CliRun run = CliRun.of("validate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(missing + ":1:1: error file-unreadable: no such file\n");
    }

    @Test
    void hostileInput_endsAsDiagnostics_withExitOne() throws IOException {
        Path deep = write("deep.json", "[".repeat(10_000) + "]".repeat(10_000));
        Path bomb = write("bomb.yaml", "a: &a [x, x]\nb: [*a, *a]\n");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff});

        CliRun run = CliRun.of("validate", deep.toString(), bomb.toString(), binary.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(deep + ":1:65: error nesting-too-deep: ")
                .contains(bomb + ":1:4: error yaml-anchor: ")
                .contains(binary + ":1:4: error invalid-utf8: ")
                .doesNotContain("Exception");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "--no-such-option", "x.json").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("no-such-subcommand").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
    }

    @Test
    void theShippedExamples_validateWithExitZero() {
        CliRun run = CliRun.of("validate", repo("sequences").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.err()).startsWith("0 errors, ");
    }

    @Test
    void moreThanOneHundredProblems_areCappedAndCounted() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            yaml.append("- nope").append(i).append('\n');
        }
        Path file = write("many.yaml", yaml.toString());

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.out().lines()).hasSize(100);
        assertThat(run.err()).isEqualTo(file + ": 20 more problems not shown (the first 100 are listed)\n"
                + "120 errors, 0 warnings in 1 file\n");
    }
}
