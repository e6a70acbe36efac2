package io.crawlseq.store.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreTablesTest {

    @Test
    void all_definesEveryTableOnDemandWithUniqueAttributeDefinitions() {
        assertThat(StoreTables.all()).extracting(TableDefinition::table).containsExactly(StoreTable.values());
        for (TableDefinition table : StoreTables.all()) {
            assertThat(table.billingMode()).isEqualTo(TableDefinition.PAY_PER_REQUEST);
            assertThat(table.attributeDefinitions()).extracting(KeyAttribute::name).doesNotHaveDuplicates();
        }
    }

    @Test
    void runsTable_hasHistoryIndexesAndTtl() {
        TableDefinition runs = StoreTables.of(StoreTable.RUNS);

        assertThat(runs.globalIndexes()).extracting(IndexDefinition::name)
                .containsExactly(StoreTables.RUNS_BY_SEQUENCE, StoreTables.RUNS_BY_START);
        assertThat(runs.localIndexes()).extracting(IndexDefinition::name).containsExactly(StoreTables.STEPS_BY_ORDER);
        assertThat(runs.ttlAttribute()).contains(StoreTables.EXPIRES_AT);
        assertThat(runs.attributeDefinitions()).extracting(KeyAttribute::name)
                .containsExactly("pk", "sk", "seqKey", "startKey", "allKey", "orderKey");
    }

    @Test
    void tableNames_fromEnvironmentNamesEveryMissingVariable() {
        assertThatThrownBy(() -> TableNames.fromEnvironment(Map.of("RUNS_TABLE", "prod-runs")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("missing environment variables naming tables: SEQUENCES_TABLE, METRICS_TABLE,"
                        + " CRAWL_RESULTS_TABLE");
        assertThat(TableNames.fromEnvironment(Map.of("SEQUENCES_TABLE", "a-seq", "RUNS_TABLE", "a-runs",
                "METRICS_TABLE", "a-metrics", "CRAWL_RESULTS_TABLE", "a-crawl")).of(StoreTable.RUNS)).isEqualTo("a-runs");
        assertThat(TableNames.defaults().of(StoreTable.CRAWL_RESULTS)).isEqualTo("crawlseq-crawl-results");
    }
}
