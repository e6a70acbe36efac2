package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.tables.IndexDefinition;
import io.crawlseq.store.tables.KeyAttribute;
import io.crawlseq.store.tables.StoreTables;
import io.crawlseq.store.tables.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableProvisionerTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    @Test
    void createMissing_buildsTablesExactlyAsDefinedAndIsIdempotent() {
        for (TableDefinition definition : StoreTables.all()) {
            String name = aws.tables().of(definition.table());
            TableDescription table = aws.dynamoDb().describeTable(b -> b.tableName(name)).table();

            assertThat(table.keySchema()).isEqualTo(keys(definition.partitionKey(), definition.sortKey().orElse(null)));
            assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo(definition.billingMode());
            assertThat(table.globalSecondaryIndexes() == null ? List.of() : table.globalSecondaryIndexes().stream()
                    .map(i -> i.indexName() + " " + i.keySchema()).toList())
                    .containsExactlyInAnyOrderElementsOf(definition.globalIndexes().stream().map(this::describe).toList());
            assertThat(table.localSecondaryIndexes() == null ? List.of() : table.localSecondaryIndexes().stream()
                    .map(i -> i.indexName() + " " + i.keySchema()).toList())
                    .containsExactlyInAnyOrderElementsOf(definition.localIndexes().stream().map(this::describe).toList());
            TimeToLiveStatus ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(name))
                    .timeToLiveDescription().timeToLiveStatus();
            assertThat(ttl).isEqualTo(definition.ttlAttribute().isPresent() ? TimeToLiveStatus.ENABLED
                    : TimeToLiveStatus.DISABLED);
        }

        assertThat(TableProvisioner.createMissing(aws.dynamoDb(), aws.tables())).isEmpty();
    }

    private String describe(IndexDefinition index) {
        return index.name() + " " + keys(index.partitionKey(), index.sortKey().orElse(null));
    }

    private static List<KeySchemaElement> keys(KeyAttribute partition, KeyAttribute sort) {
        KeySchemaElement hash = KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build();
        return sort == null ? List.of(hash)
                : List.of(hash, KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
    }
}
