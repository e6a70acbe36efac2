package io.crawlseq.store.dynamodb;

import io.crawlseq.store.tables.IndexDefinition;
import io.crawlseq.store.tables.KeyAttribute;
import io.crawlseq.store.tables.StoreTables;
import io.crawlseq.store.tables.TableDefinition;
import io.crawlseq.store.tables.TableNames;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Creates the store's tables from {@link StoreTables} where they are missing (local runs and tests; in AWS
 * the SAM template creates them). Safe to call on every start.
 */
public final class TableProvisioner {

    private TableProvisioner() {
    }

    /** Creates each missing table, waits until it is active, and enables its TTL. Returns the tables created. */
    public static List<String> createMissing(DynamoDbClient client, TableNames names) {
        List<String> created = new ArrayList<>();
        for (TableDefinition definition : StoreTables.all()) {
            String name = names.of(definition.table());
            if (!exists(client, name)) {
                create(client, name, definition);
                created.add(name);
            }
        }
        return created;
    }

    /** Deletes the store's tables that exist (test clean-up). */
    public static void deleteAll(DynamoDbClient client, TableNames names) {
        for (TableDefinition definition : StoreTables.all()) {
            try {
                client.deleteTable(b -> b.tableName(names.of(definition.table())));
            } catch (ResourceNotFoundException alreadyGone) {
                // nothing to delete
            }
        }
    }

    /** The CreateTable request for a definition: the one translation of {@link TableDefinition} to the API. */
    public static CreateTableRequest createTableRequest(String name, TableDefinition definition) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.fromValue(definition.billingMode()))
                .attributeDefinitions(definition.attributeDefinitions().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                        .toList())
                .keySchema(keySchema(definition.partitionKey(), definition.sortKey().orElse(null)));
        if (!definition.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(definition.globalIndexes().stream().map(TableProvisioner::gsi).toList());
        }
        if (!definition.localIndexes().isEmpty()) {
            request.localSecondaryIndexes(definition.localIndexes().stream().map(TableProvisioner::lsi).toList());
        }
        return request.build();
    }

    private static void create(DynamoDbClient client, String name, TableDefinition definition) {
        try {
            client.createTable(createTableRequest(name, definition));
        } catch (ResourceInUseException createdConcurrently) {
            // another process created it between our check and our call: fine
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        definition.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
    }

    private static boolean exists(DynamoDbClient client, String name) {
        try {
            client.describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partition, KeyAttribute sort) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        if (sort != null) {
            schema.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    private static GlobalSecondaryIndex gsi(IndexDefinition index) {
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null)))
                .projection(p -> p.projectionType(ProjectionType.fromValue(IndexDefinition.PROJECTION))).build();
    }

    private static LocalSecondaryIndex lsi(IndexDefinition index) {
        return LocalSecondaryIndex.builder().indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null)))
                .projection(p -> p.projectionType(ProjectionType.fromValue(IndexDefinition.PROJECTION))).build();
    }
}
