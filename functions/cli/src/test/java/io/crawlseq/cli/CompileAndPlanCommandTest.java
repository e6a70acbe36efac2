package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.lang.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileAndPlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("crawlseq.repo.dir", "../.."));
    private static final Path G7 = REPO.resolve("sequences/g7-place-hubs-declared.yaml");

    @TempDir
    Path dir;

    @Test
    void compile_printsTheCompilersDefinition() {
        CliRun run = CliRun.of("compile", G7.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Compilation.of(G7).compiled().orElseThrow().json());
    }

    @Test
    void compileToFile_writesItAndSaysWhere() throws Exception {
        Path out = dir.resolve("nested/g7.asl.json");
        CliRun run = CliRun.of("compile", G7.toString(), "-o", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Compilation.of(G7).compiled().orElseThrow().json());
        assertThat(run.err()).contains("wrote " + out);
    }

    @Test
    void compileWithArnPattern_fillsInFunctions() throws Exception {
        CliRun run = CliRun.of("compile", G7.toString(), "--function-arn-pattern", "arn:aws:lambda:eu-west-1:1:function:cs-{logicalId}");
        assertThat(run.out()).contains("arn:aws:lambda:eu-west-1:1:function:cs-EnsurePlaceHubsFunction").doesNotContain("${");

        CliRun bad = CliRun.of("compile", G7.toString(), "--function-arn-pattern", "arn:fixed");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void compileOfInvalidSequence_writesNothingAndExits1() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "- command: ensureCountryHubs\n  args:\n    minConfidence: 7\n");
        Path out = dir.resolve("out.json");

        CliRun run = CliRun.of("compile", bad.toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.yaml:3:20: error argument-range");
        assertThat(out).doesNotExist();
    }

    @Test
    void plan_expandsTheLoopOverDeclaredCountriesWithoutFetching() {
        CliRun run = CliRun.of("plan", G7.toString(), "--start-url", "https://news.example/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run").contains("startUrl = \"https://news.example/\"")
                .contains("items known now").contains("EnsurePlaceHubsFunction (1024 MB, 900 s)")
                .contains("decided at run time by results.countryHubs.status");
    }

    @Test
    void planJson_resolvesTemplatesFromTheContextGivenOnTheCommandLine() throws Exception {
        CliRun run = CliRun.of("plan", G7.toString(), "--json", "--start-url", "https://news.example/",
                "--context", "g7_countries=[{\"code\":\"JP\",\"name\":\"Japan\"}]");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        JsonNode loop = plan.at("/steps/1");
        assertThat(loop.path("itemCount").asInt()).isEqualTo(1);
        assertThat(loop.at("/iterations/0/steps/0/args/country").asText()).isEqualTo("JP");
    }

    @Test
    void contextOption_withoutEquals_isAUsageError() {
        CliRun run = CliRun.of("plan", G7.toString(), "--context", "oops");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--context expects KEY=VALUE");
    }
}
