package io.crawlseq.store.dynamodb.internal;

import static io.crawlseq.store.tables.StoreTables.LIST_KEY;
import static io.crawlseq.store.tables.StoreTables.PK;
import static io.crawlseq.store.tables.StoreTables.SEQUENCES_BY_NAME;
import static io.crawlseq.store.tables.StoreTables.SK;

import io.crawlseq.store.ClaimOutcome;
import io.crawlseq.store.DeploymentLease;
import io.crawlseq.store.DeploymentRecord;
import io.crawlseq.store.DeploymentStatus;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.S3Sequencer;
import io.crawlseq.store.SequenceRegistry;
import io.crawlseq.store.SequenceSource;
import io.crawlseq.store.SequenceState;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The sequences registry. Per sequence, item {@code (<name>, CURRENT)} holds the newest completed
 * sequencer ({@code doneSeq}, zero-padded so it compares as a string), the lease of an in-flight
 * deployment ({@code leaseOwner}, {@code leaseSeq}, {@code leaseUntil}), and the {@code deployed} and
 * {@code latest} records as maps. Each completed upload adds {@code (<name>, DEPLOY#<sequencer>)}, in the
 * same transaction that moves CURRENT forward, so history and pointer never disagree.
 */
public final class DynamoSequenceRegistry implements SequenceRegistry {

    private static final String CURRENT = "CURRENT";
    private static final String DEPLOY_PREFIX = "DEPLOY#";
    private static final String LISTED = "SEQUENCE";
    private static final Set<String> HISTORY_CURSOR = Set.of(PK, SK);

    private final DynamoDbClient client;
    private final String table;
    private final StoreSettings settings;

    public DynamoSequenceRegistry(DynamoDbClient client, String table, StoreSettings settings) {
        this.client = client;
        this.table = table;
        this.settings = settings;
    }

    @Override
    public ClaimOutcome claim(String sequenceName, SequenceSource source, String owner, Duration lease) {
        Checks.text("sequenceName", sequenceName, 256);
        Checks.text("owner", owner, 200);
        Instant now = settings.clock().instant();
        Instant until = Instants.millis(now.plus(lease));
        String leaseOwner = owner + "/" + UUID.randomUUID();
        String sequencer = source.sequencer().sortable();
        String condition = "(attribute_not_exists(#doneSeq) OR #doneSeq < :seq)"
                + " AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)";
        Update update = new Update().set("leaseOwner", Attrs.s(leaseOwner)).set("leaseSeq", Attrs.s(sequencer))
                .set("leaseUntil", Attrs.n(until.toEpochMilli()));
        try {
            Map<String, AttributeValue> before = client.updateItem(b -> b.tableName(table).key(currentKey(sequenceName))
                    .updateExpression(update.expression()).conditionExpression(condition)
                    .expressionAttributeNames(update.names(condition))
                    .expressionAttributeValues(update.values(Map.of(":seq", Attrs.s(sequencer),
                            ":now", Attrs.n(now.toEpochMilli()))))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            DeploymentLease granted = new DeploymentLease(sequenceName, source.sequencer(), leaseOwner, until);
            return new ClaimOutcome.Claimed(granted, stateOf(sequenceName, before));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = Conditions.failingItem(e, () -> getCurrent(sequenceName))
                    .orElseThrow(() -> new IllegalStateException("claim of " + sequenceName
                            + " failed its condition but no registry item exists"));
            return refusal(sequenceName, source.sequencer(), stored);
        }
    }

    @Override
    public SequenceState complete(DeploymentLease lease, DeploymentRecord record) {
        if (!record.sequenceName().equals(lease.sequenceName())
                || !record.source().sequencer().equals(lease.sequencer())) {
            throw new IllegalArgumentException("the record (" + record.sequenceName() + ", sequencer "
                    + record.source().sequencer().value() + ") is not the upload the lease was granted for ("
                    + lease.sequenceName() + ", " + lease.sequencer().value() + ")");
        }
        AttributeValue recordValue = Attrs.map(encode(record));
        Update update = new Update()
                .set("doneSeq", Attrs.s(lease.sequencer().sortable()))
                .set("latest", recordValue)
                .set(LIST_KEY, Attrs.s(LISTED))
                .set("updatedAt", Attrs.s(Instants.sortable(settings.clock().instant())))
                .remove("leaseOwner").remove("leaseSeq").remove("leaseUntil");
        if (record.status() == DeploymentStatus.DEPLOYED) {
            update.set("deployed", recordValue);
        }
        String condition = "#leaseOwner = :owner";
        Map<String, AttributeValue> historyItem = new HashMap<>(encode(record));
        historyItem.put(PK, Attrs.s(lease.sequenceName()));
        historyItem.put(SK, Attrs.s(DEPLOY_PREFIX + lease.sequencer().sortable()));
        try {
            client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(currentKey(lease.sequenceName()))
                            .updateExpression(update.expression()).conditionExpression(condition)
                            .expressionAttributeNames(update.names(condition))
                            .expressionAttributeValues(update.values(Map.of(":owner", Attrs.s(lease.owner())))))
                            .build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(historyItem).build()).build()));
        } catch (TransactionCanceledException e) {
            throw new LostLeaseException(lease.sequenceName(), lease.sequencer());
        }
        return state(lease.sequenceName()).orElseThrow();
    }

    @Override
    public void release(DeploymentLease lease) {
        Update update = new Update().remove("leaseOwner").remove("leaseSeq").remove("leaseUntil");
        String condition = "#leaseOwner = :owner";
        try {
            client.updateItem(b -> b.tableName(table).key(currentKey(lease.sequenceName()))
                    .updateExpression(update.expression()).conditionExpression(condition)
                    .expressionAttributeNames(update.names(condition))
                    .expressionAttributeValues(update.values(Map.of(":owner", Attrs.s(lease.owner())))));
        } catch (ConditionalCheckFailedException notOursAnyMore) {
            // the lease expired and was taken: nothing of ours to release
        }
    }

    @Override
    public Optional<SequenceState> state(String sequenceName) {
        return stateOf(sequenceName, getCurrent(sequenceName));
    }

    @Override
    public List<SequenceState> list() {
        String keyCondition = "#listKey = :listed";
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(SEQUENCES_BY_NAME)
                .keyConditionExpression(keyCondition).expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":listed", Attrs.s(LISTED))).build();
        return Queries.all(client, query, item -> stateOf(Attrs.string(item, PK), item).orElseThrow());
    }

    @Override
    public Page<DeploymentRecord> history(String sequenceName, PageRequest page) {
        String keyCondition = "#pk = :name AND begins_with(#sk, :prefix)";
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":name", Attrs.s(sequenceName), ":prefix", Attrs.s(DEPLOY_PREFIX)))
                .scanIndexForward(false).consistentRead(true).build();
        return Queries.page(client, query, page, HISTORY_CURSOR, DynamoSequenceRegistry::decode);
    }

    private ClaimOutcome refusal(String sequenceName, S3Sequencer asked, Map<String, AttributeValue> stored) {
        Optional<S3Sequencer> done = Attrs.optString(stored, "doneSeq").map(S3Sequencer::fromSortable);
        if (done.isPresent() && !asked.isAfter(done.get())) {
            SequenceState state = stateOf(sequenceName, stored).orElseThrow();
            return done.get().equals(asked) ? new ClaimOutcome.Duplicate(state) : new ClaimOutcome.Superseded(state);
        }
        // the lease was live when the condition was checked; if it is gone by now, "busy" still means retry
        S3Sequencer holder = Attrs.optString(stored, "leaseSeq").map(S3Sequencer::fromSortable).orElse(asked);
        Instant until = Attrs.optNumber(stored, "leaseUntil").map(Instant::ofEpochMilli)
                .orElseGet(() -> settings.clock().instant());
        return new ClaimOutcome.Busy(holder, until);
    }

    private static Optional<SequenceState> stateOf(String sequenceName, Map<String, AttributeValue> current) {
        if (current == null) {
            return Optional.empty();
        }
        return Attrs.optMap(current, "latest").map(latest -> new SequenceState(sequenceName,
                Attrs.optMap(current, "deployed").map(DynamoSequenceRegistry::decode), decode(latest)));
    }

    private Map<String, AttributeValue> getCurrent(String sequenceName) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(currentKey(sequenceName))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> currentKey(String sequenceName) {
        return Map.of(PK, Attrs.s(sequenceName), SK, Attrs.s(CURRENT));
    }

    private static Map<String, AttributeValue> encode(DeploymentRecord record) {
        Map<String, AttributeValue> m = new HashMap<>();
        SequenceSource source = record.source();
        m.put("sequenceName", Attrs.s(record.sequenceName()));
        m.put("bucket", Attrs.s(source.bucket()));
        m.put("key", Attrs.s(source.key()));
        source.versionId().ifPresent(v -> m.put("versionId", Attrs.s(v)));
        m.put("sequencer", Attrs.s(source.sequencer().sortable()));
        m.put("contentSha256", Attrs.s(source.contentSha256()));
        m.put("status", Attrs.s(record.status().name()));
        record.stateMachineArn().ifPresent(v -> m.put("stateMachineArn", Attrs.s(v)));
        record.schedule().ifPresent(v -> m.put("schedule", Attrs.s(v)));
        m.put("diagnosticsCount", Attrs.n(record.diagnosticsCount()));
        record.diagnosticsReportKey().ifPresent(v -> m.put("diagnosticsReportKey", Attrs.s(v)));
        m.put("processedAt", Attrs.s(Instants.sortable(record.processedAt())));
        return m;
    }

    private static DeploymentRecord decode(Map<String, AttributeValue> m) {
        SequenceSource source = new SequenceSource(Attrs.string(m, "bucket"), Attrs.string(m, "key"),
                Attrs.optString(m, "versionId"), S3Sequencer.fromSortable(Attrs.string(m, "sequencer")),
                Attrs.string(m, "contentSha256"));
        return new DeploymentRecord(Attrs.string(m, "sequenceName"), source,
                DeploymentStatus.valueOf(Attrs.string(m, "status")), Attrs.optString(m, "stateMachineArn"),
                Attrs.optString(m, "schedule"), (int) Attrs.number(m, "diagnosticsCount"),
                Attrs.optString(m, "diagnosticsReportKey"), Instants.parse(Attrs.string(m, "processedAt")));
    }
}
