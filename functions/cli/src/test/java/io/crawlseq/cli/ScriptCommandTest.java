package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl-sequence script}, in-process with captured streams, against a loopback fixture news site. */
class ScriptCommandTest {

    private static final String EXAMPLE = Path.of("../../sequences/scripts/latest-headlines.js").toString();

    @TempDir
    static Path dir;

    private static LoopbackServer site;

    @BeforeAll
    static void serveFixtureSite() {
        site = LoopbackServer.start();
        FixtureSites.guardianLike().serve(site);
        // the fixture's robots.txt asks for a 2 s Crawl-delay; these tests are not about politeness
        site.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private/\n"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static CliRun script(String file, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "script";
        args[1] = file;
        args[2] = "--allow-host=" + site.hostPort();
        args[3] = "--delay-ms=0";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void script_scrapingAFixtureSection_printsTheStoriesGroupedBySourceAndExitsZero() {
        CliRun run = script(EXAMPLE, "--source", site.url("/world"), "--source", site.url("/business"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Script latest-headlines.js: SUCCESS")
                .contains("Source 1/2: " + site.url("/world") + "  ok: 5 records")
                .contains("Source 2/2: " + site.url("/business") + "  ok: 5 records")
                .containsPattern("\\[1] headline: \"[^\"]+\"  url: \"" + site.baseUrl() + "/")
                .contains("author: \"");
        assertThat(site.paths()).noneMatch(p -> p.startsWith("/private/"));
    }

    @Test
    void script_withJson_printsTheResultAsJson() throws Exception {
        CliRun run = script(EXAMPLE, "--source", site.url("/world"), "--json");

        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.path("metadata").path("filteredCount").asInt()).isEqualTo(5);
        assertThat(result.path("data").get(0).path("_source").asText()).isEqualTo(site.url("/world"));
        assertThat(result.path("sourceResults").get(0).path("scriptMetadata").path("storyLinks").asInt()).isGreaterThan(5);
    }

    @Test
    void script_withASyntaxError_exitsOneShowingLineAndColumnWithoutFetching() throws IOException {
        site.clearLog();
        String broken = script("broken.js", "function scrapeData(url) {\n  return [{title: 'x'}\n}\n");

        CliRun run = script(broken, "--source", site.url("/world"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.out()).contains("FAILED").contains("syntax error").contains("line 3");
        assertThat(site.paths()).isEmpty();
    }

    @Test
    void script_whenASourceTimesOut_exitsThreeAndStillPrintsTheRecordsEmittedBefore() throws IOException {
        String slow = script("slow.js", "function scrapeData(url) { emit({title: 'before the loop'}); for (;;) {} }");

        CliRun run = script(slow, "--source", site.url("/world"), "--timeout-ms", "700");

        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.out()).contains("title: \"before the loop\"").contains("timeout").contains("700 ms");
    }

    @Test
    void script_fetchingTheMetadataService_exitsThreeWithASecurityError() throws IOException {
        String ssrf = script("ssrf.js", "function scrapeData(url) { return [{b: http.get('http://169.254.169.254/latest/meta-data/').body}]; }");

        CliRun run = script(ssrf, "--source", site.url("/world"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.out()).contains("security error").contains("cloud metadata address");
    }

    @Test
    void script_withoutAllowHost_cannotReachTheLoopbackFixture() {
        CliRun run = CliRun.of("script", EXAMPLE, "--source", site.url("/world"), "--delay-ms", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.out()).contains("security error").contains("loopback address");
    }

    @Test
    void script_ofAMissingFile_exitsOneNamingIt() {
        CliRun run = script(dir.resolve("none.js").toString(), "--source", site.url("/world"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.err()).contains("no such script file: " + dir.resolve("none.js"));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void script_withALimitOutOfRangeOrASourceThatIsNotHttp_isAUsageError() {
        CliRun timeout = script(EXAMPLE, "--source", site.url("/world"), "--timeout-ms", "50");
        CliRun memory = script(EXAMPLE, "--source", site.url("/world"), "--memory-mb", "4096");
        CliRun source = script(EXAMPLE, "--source", "file:///etc/passwd");
        CliRun allow = CliRun.of("script", EXAMPLE, "--allow-host", "http://127.0.0.1/");

        assertThat(timeout.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(timeout.err()).contains("--timeout-ms must be between 100 and 840000 (was 50)");
        assertThat(memory.err()).contains("--memory-mb must be between 32 and 2048 (was 4096)");
        assertThat(source.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(source.err()).contains("--source #0").contains("not an http or https URL");
        assertThat(allow.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(allow.err()).contains("expected HOST[:PORT], not a URL");
    }

    @Test
    void scriptHelp_documentsTheOptionsAndExitCodes() {
        CliRun run = CliRun.of("script", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: crawl-sequence script").contains("--source=URL")
                .contains("--timeout-ms=N").contains("--memory-mb=N").contains("--allow-host=HOST[:PORT]")
                .contains("--json").contains("Exit codes:")
                .containsPattern("(?m)^\\s+1\\s+the script cannot run: unreadable file, syntax error")
                .containsPattern("(?m)^\\s+2\\s+usage error")
                .containsPattern("(?m)^\\s+3\\s+the script ran and failed");
    }
}
