package io.crawlseq.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.cli.CrawlSequence;
import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.Json;
import io.crawlseq.store.MetricCounters;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.tables.StoreTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code history}, {@code show} and {@code stats} reading deployed tables through the real opener
 * (AWS SDK) at a DynamoDB Local endpoint, as they would read an account's or the local stack's.
 */
class DeployedHistoryCommandsTest {

    private static final Instant NOW = Instant.parse("2099-03-04T05:06:07Z");

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private Path home;

    @RegisterExtension
    final DummyAwsCredentials credentials = new DummyAwsCredentials();

    @BeforeEach
    void home() throws Exception {
        home = Files.createTempDirectory("crawlseq-deployed-home");
    }

    private String prefix() {
        String runs = aws.tables().of(StoreTable.RUNS);
        return runs.substring(0, runs.length() - StoreTable.RUNS.logicalName().length());
    }

    private String[] deployed(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--endpoint-url", aws.dynamoDbEndpoint().toString(), "--region", "us-east-1",
            "--table-prefix", prefix()}, 0, all, args.length, 6);
        return all;
    }

    private Result cli(Map<String, String> variables, String... args) {
        CliEnvironment environment = new CliEnvironment(variables, home, Clock.fixed(NOW, ZoneOffset.UTC),
                new ManualClock(), io.crawlseq.cli.local.StoreOpener.STANDARD);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrawlSequence.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void history_show_stats_readTheDeployedTables() {
        aws.storage().runs().putRun(RunRecord.started("run-deployed-1", "nightly-survey", NOW.minusSeconds(60),
                Json.emptyObject()));
        aws.storage().metrics().record("ensureCountryHubs", NOW.minusSeconds(30),
                MetricCounters.invocation(false, 1234, 17, 4096));

        Result history = cli(Map.of(), deployed("history", "--sequence", "nightly-survey"));
        Result show = cli(Map.of(), deployed("show", "run-deployed-1", "--json"));
        Result stats = cli(Map.of(), deployed("stats", "--command", "ensureCountryHubs", "--json"));

        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("run-deployed-1").contains("nightly-survey").contains("RUNNING");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"run-deployed-1\"");
        assertThat(stats.code()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("ensureCountryHubs").contains("17");
        assertThat(home.resolve(".crawl-sequence")).as("no local data directory was created").doesNotExist();
    }

    @Test
    void theFunctionsTableVariables_selectTheDeployedStore_unlessADataDirectoryIsGiven() {
        aws.storage().runs().putRun(RunRecord.started("run-deployed-2", "from-variables", NOW, Json.emptyObject()));
        Map<String, String> exported = Map.of(
                "RUNS_TABLE", aws.tables().of(StoreTable.RUNS),
                "SEQUENCES_TABLE", aws.tables().of(StoreTable.SEQUENCES),
                "METRICS_TABLE", aws.tables().of(StoreTable.METRICS),
                "CRAWL_RESULTS_TABLE", aws.tables().of(StoreTable.CRAWL_RESULTS),
                "AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString(),
                "AWS_REGION", "us-east-1");
        Result history = cli(exported, "history");
        Result local = cli(exported, "history", "--data-dir", home.resolve("data").toString());

        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("run-deployed-2");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(local.out()).doesNotContain("run-deployed-2");
    }

    @Test
    void missingTables_areAnUnreachableStore_notAnInternalError() {
        Result history = cli(Map.of(), "history", "--endpoint-url", aws.dynamoDbEndpoint().toString(),
                "--region", "us-east-1", "--table-prefix", "no-such-stack-");

        assertThat(history.code()).isEqualTo(5);
        assertThat(history.err()).contains("cannot read the deployed store").doesNotContain("internal error");
    }

    @Test
    void aDataDirectoryWithDeployedStoreOptions_isAUsageError() {
        Result history = cli(Map.of(), "history", "--data-dir", home.resolve("data").toString(), "--region", "eu-west-1");

        assertThat(history.code()).isEqualTo(2);
        assertThat(history.err()).contains("--data-dir reads the local store");
    }
}
