package io.crawlseq.store.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One table's definition as data: keys, indexes, TTL attribute, billing mode. Used to create tables
 * locally and to check that {@code template.yaml} declares the same ones.
 */
public record TableDefinition(StoreTable table, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                              List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                              Optional<String> ttlAttribute, String billingMode) {

    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";

    public TableDefinition {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        for (IndexDefinition lsi : localIndexes) {
            if (!lsi.partitionKey().equals(partitionKey)) {
                throw new IllegalArgumentException("local index " + lsi.name() + " must share the table's partition key");
            }
        }
        Objects.requireNonNull(ttlAttribute, "ttlAttribute");
        Objects.requireNonNull(billingMode, "billingMode");
    }

    /**
     * Every attribute used in a key of the table or an index, once each, in order of first use: the
     * {@code AttributeDefinitions} of CreateTable and of the template.
     */
    public List<KeyAttribute> attributeDefinitions() {
        Map<String, KeyAttribute> byName = new LinkedHashMap<>();
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(partitionKey);
        sortKey.ifPresent(keys::add);
        for (IndexDefinition index : allIndexes()) {
            keys.add(index.partitionKey());
            index.sortKey().ifPresent(keys::add);
        }
        for (KeyAttribute key : keys) {
            KeyAttribute previous = byName.putIfAbsent(key.name(), key);
            if (previous != null && !previous.equals(key)) {
                throw new IllegalStateException("attribute " + key.name() + " is used with two types");
            }
        }
        return List.copyOf(byName.values());
    }

    private List<IndexDefinition> allIndexes() {
        List<IndexDefinition> all = new ArrayList<>(globalIndexes);
        all.addAll(localIndexes);
        return all;
    }
}
