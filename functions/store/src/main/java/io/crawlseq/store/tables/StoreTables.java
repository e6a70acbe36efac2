package io.crawlseq.store.tables;

import java.util.List;
import java.util.Optional;

/**
 * The one place that defines the store's tables: key schemas, indexes, TTL attributes and billing mode,
 * plus the attribute names the backend uses for keys. {@code docs/storage.md} explains the access
 * patterns behind each.
 */
public final class StoreTables {

    /** Partition and sort key attributes of the tables that overload them ({@code pk}, {@code sk}). */
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** TTL attribute (epoch seconds) of the tables with retention. */
    public static final String EXPIRES_AT = "expiresAt";

    // sequences
    public static final String SEQUENCES_BY_NAME = "byName";
    public static final String LIST_KEY = "listKey";

    // runs
    public static final String RUNS_BY_SEQUENCE = "bySequence";
    public static final String RUNS_BY_START = "byStart";
    public static final String STEPS_BY_ORDER = "byOrder";
    public static final String SEQUENCE_KEY = "seqKey";
    public static final String ALL_RUNS_KEY = "allKey";
    public static final String START_KEY = "startKey";
    public static final String ORDER_KEY = "orderKey";

    // metrics
    public static final String COMMAND = "command";
    public static final String DAY = "day";
    public static final String METRICS_BY_MONTH = "byMonth";
    public static final String MONTH = "month";
    public static final String DAY_COMMAND = "dayCommand";

    // crawl results
    public static final String HUBS_BY_KIND = "hubsByKind";
    public static final String HUBS_BY_COUNTRY = "hubsByCountry";
    public static final String KIND_KEY = "kindKey";
    public static final String KIND_SORT = "kindSort";
    public static final String ISO_KEY = "isoKey";
    public static final String ISO_SORT = "isoSort";

    private static final KeyAttribute PK_ATTR = KeyAttribute.string(PK);
    private static final KeyAttribute SK_ATTR = KeyAttribute.string(SK);

    private static final TableDefinition SEQUENCES_TABLE = new TableDefinition(StoreTable.SEQUENCES, PK_ATTR,
            Optional.of(SK_ATTR),
            List.of(IndexDefinition.of(SEQUENCES_BY_NAME, KeyAttribute.string(LIST_KEY), PK_ATTR)),
            List.of(), Optional.empty(), TableDefinition.PAY_PER_REQUEST);

    private static final TableDefinition RUNS_TABLE = new TableDefinition(StoreTable.RUNS, PK_ATTR,
            Optional.of(SK_ATTR),
            List.of(IndexDefinition.of(RUNS_BY_SEQUENCE, KeyAttribute.string(SEQUENCE_KEY), KeyAttribute.string(START_KEY)),
                    IndexDefinition.of(RUNS_BY_START, KeyAttribute.string(ALL_RUNS_KEY), KeyAttribute.string(START_KEY))),
            List.of(IndexDefinition.of(STEPS_BY_ORDER, PK_ATTR, KeyAttribute.string(ORDER_KEY))),
            Optional.of(EXPIRES_AT), TableDefinition.PAY_PER_REQUEST);

    private static final TableDefinition METRICS_TABLE = new TableDefinition(StoreTable.METRICS,
            KeyAttribute.string(COMMAND), Optional.of(KeyAttribute.string(DAY)),
            List.of(IndexDefinition.of(METRICS_BY_MONTH, KeyAttribute.string(MONTH), KeyAttribute.string(DAY_COMMAND))),
            List.of(), Optional.of(EXPIRES_AT), TableDefinition.PAY_PER_REQUEST);

    private static final TableDefinition CRAWL_RESULTS_TABLE = new TableDefinition(StoreTable.CRAWL_RESULTS, PK_ATTR,
            Optional.of(SK_ATTR),
            List.of(IndexDefinition.of(HUBS_BY_KIND, KeyAttribute.string(KIND_KEY), KeyAttribute.string(KIND_SORT)),
                    IndexDefinition.of(HUBS_BY_COUNTRY, KeyAttribute.string(ISO_KEY), KeyAttribute.string(ISO_SORT))),
            List.of(), Optional.empty(), TableDefinition.PAY_PER_REQUEST);

    private static final List<TableDefinition> ALL =
            List.of(SEQUENCES_TABLE, RUNS_TABLE, METRICS_TABLE, CRAWL_RESULTS_TABLE);

    private StoreTables() {
    }

    /** Every table, in {@link StoreTable} order. */
    public static List<TableDefinition> all() {
        return ALL;
    }

    public static TableDefinition of(StoreTable table) {
        return ALL.stream().filter(t -> t.table() == table).findFirst().orElseThrow();
    }
}
