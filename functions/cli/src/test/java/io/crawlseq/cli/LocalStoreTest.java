package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreOpener;
import io.crawlseq.localstack.LocalStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's own store opening: each process opens the embedded store of its data directory, and
 * what one process recorded is there for the next ({@code history}, {@code show}, {@code stats}).
 */
class LocalStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final CliEnvironment environment = TestStores.environment().withStores(StoreOpener.STANDARD);

    private CliRun cli(String... args) {
        String[] withDir = java.util.Arrays.copyOf(args, args.length + 2);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return CliRun.in(environment, withDir);
    }

    @Test
    void runsRecordedByOneProcess_areListedShownAndCountedByTheNext() throws Exception {
        CliRun first = cli("command", "logWarning", "--arg", "message=first");
        CliRun second = cli("command", "logWarning", "--arg", "message=second");

        CliRun history = cli("history");
        CliRun historyJson = cli("history", "--json", "--limit", "1");
        CliRun stats = cli("stats", "--json");
        CliRun statsText = cli("stats", "--command", "logWarning");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(Files.isDirectory(dataDir.resolve("dynamodb"))).isTrue();
        assertThat(history.out().lines().toList()).hasSize(3)
                .first().asString().startsWith("RUN").contains("SEQUENCE").contains("STATUS");
        assertThat(history.out().lines().skip(1)).allSatisfy(l -> assertThat(l).contains("command:logWarning  SUCCEEDED"));
        JsonNode newest = JSON.readTree(historyJson.out());
        assertThat(newest).hasSize(1);
        assertThat(second.out()).contains(newest.get(0).path("runId").asText());
        JsonNode totals = JSON.readTree(stats.out()).path("commands");
        assertThat(totals).singleElement().satisfies(c -> {
            assertThat(c.path("command").asText()).isEqualTo("logWarning");
            assertThat(c.path("invocations").asInt()).isEqualTo(2);
            assertThat(c.path("failures").asInt()).isZero();
        });
        assertThat(statsText.out()).containsPattern("(?m)^  logWarning +2 +0 +");
    }

    @Test
    void aDataDirectoryInUse_isReportedWithExitCode4() {
        try (LocalStores held = LocalStores.open(dataDir)) {
            CliRun run = cli("history");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).contains("is in use by another crawl-sequence process");
        }
    }

    @Test
    void showOfAnUnknownRun_isExitCode1_andBadRangesAreUsageErrors() {
        CliRun show = CliRun.of("show", "no-such-run");
        CliRun range = CliRun.of("stats", "--from", "2026-02-01", "--to", "2026-01-01");
        CliRun command = CliRun.of("stats", "--command", "ensureCountryHub");
        CliRun limit = CliRun.of("history", "--limit", "0");

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("no run 'no-such-run'");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("--from 2026-02-01 is after --to 2026-01-01");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("did you mean 'ensureCountryHubs'?");
        assertThat(limit.exitCode()).isEqualTo(2);
    }
}
