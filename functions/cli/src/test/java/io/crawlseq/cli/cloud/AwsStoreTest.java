package io.crawlseq.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.Json;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.tables.StoreTable;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AwsStoreTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    @RegisterExtension
    final DummyAwsCredentials credentials = new DummyAwsCredentials();

    private String prefix() {
        String runs = aws.tables().of(StoreTable.RUNS);
        return runs.substring(0, runs.length() - StoreTable.RUNS.logicalName().length());
    }

    @Test
    void open_readsTheRunsOfTheTablesAtTheEndpoint() {
        aws.storage().runs().putRun(RunRecord.started("run-aws-1", "survey", Instant.parse("2099-01-02T03:04:05Z"),
                Json.emptyObject()));
        AwsStore store = new AwsStore(Optional.of(aws.dynamoDbEndpoint()), Optional.of("us-east-1"), Optional.empty(),
                Optional.of(prefix()), Optional.empty());

        try (AwsStore.Opened opened = store.open(Map.of())) {
            assertThat(opened.storage().runs().runsOfSequence("survey", PageRequest.first(5)).items())
                    .extracting(RunRecord::runId).containsExactly("run-aws-1");
        }
    }

    @Test
    void tableNames_comeFromThePrefix_elseTheFunctionsVariables_elseTheDefault() {
        AwsStore none = new AwsStore(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        AwsStore prefixed = new AwsStore(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("prod-"),
                Optional.empty());
        Map<String, String> exported = Map.of("SEQUENCES_TABLE", "s-t", "RUNS_TABLE", "r-t", "METRICS_TABLE", "m-t",
                "CRAWL_RESULTS_TABLE", "c-t");

        assertThat(prefixed.tables(exported).of(StoreTable.RUNS)).isEqualTo("prod-runs");
        assertThat(none.tables(exported).of(StoreTable.RUNS)).isEqualTo("r-t");
        assertThat(none.tables(Map.of()).of(StoreTable.RUNS)).isEqualTo("crawlseq-runs");
        assertThat(none.requested(Map.of())).isFalse();
        assertThat(none.requested(exported)).isTrue();
        assertThat(new AwsStore(Optional.of(URI.create("http://127.0.0.1:8000")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).requested(Map.of())).isTrue();
    }

    @Test
    void largeValueWithoutABucket_saysWhichOptionIsMissing() {
        AwsStore store = new AwsStore(Optional.of(aws.dynamoDbEndpoint()), Optional.of("us-east-1"), Optional.empty(),
                Optional.of(prefix()), Optional.empty());
        try (AwsStore.Opened opened = store.open(Map.of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> opened.storage().blobs()
                    .get(io.crawlseq.store.blob.BlobKey.of("runs/x/values/y.json")))
                    .hasMessageContaining("--results-bucket");
        }
    }
}
