package io.crawlseq.store.dynamodb.internal;

import static io.crawlseq.store.tables.StoreTables.ALL_RUNS_KEY;
import static io.crawlseq.store.tables.StoreTables.EXPIRES_AT;
import static io.crawlseq.store.tables.StoreTables.ORDER_KEY;
import static io.crawlseq.store.tables.StoreTables.PK;
import static io.crawlseq.store.tables.StoreTables.RUNS_BY_SEQUENCE;
import static io.crawlseq.store.tables.StoreTables.RUNS_BY_START;
import static io.crawlseq.store.tables.StoreTables.SEQUENCE_KEY;
import static io.crawlseq.store.tables.StoreTables.SK;
import static io.crawlseq.store.tables.StoreTables.START_KEY;
import static io.crawlseq.store.tables.StoreTables.STEPS_BY_ORDER;

import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.WriteOutcome;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.internal.Instants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Run history in the runs table. A run is item {@code (RUN#<runId>, RUN)}; its step invocations are items
 * {@code (RUN#<runId>, STEP#<stepId>#<invocation>)} in the same partition, ordered for reading by the
 * local index on {@code orderKey} ({@code <startedAt>#<stepId>#<invocation>}). Runs are listed newest first
 * through two global indexes on {@code startKey} ({@code <startedAt>#<runId>}): per sequence, and all runs.
 */
public final class DynamoRunHistory implements RunHistory {

    static final String RUN_PREFIX = "RUN#";
    private static final String RUN_SK = "RUN";
    private static final String STEP_PREFIX = "STEP#";
    private static final String ALL_RUNS = "RUN";
    private static final int RANK_RUNNING = 1;
    private static final int RANK_TERMINAL = 2;

    private static final Set<String> BY_SEQUENCE_CURSOR = Set.of(PK, SK, SEQUENCE_KEY, START_KEY);
    private static final Set<String> BY_START_CURSOR = Set.of(PK, SK, ALL_RUNS_KEY, START_KEY);
    private static final Set<String> STEPS_CURSOR = Set.of(PK, SK, ORDER_KEY);

    private final DynamoDbClient client;
    private final String table;
    private final StoreSettings settings;
    private final JsonAttributes json;

    public DynamoRunHistory(DynamoDbClient client, String table, StoreSettings settings, JsonAttributes json) {
        this.client = client;
        this.table = table;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public WriteOutcome putRun(RunRecord run) {
        Map<String, AttributeValue> item = encodeRun(run);
        int rank = rank(run.status().isTerminal());
        String condition = run.status().isTerminal()
                ? "attribute_not_exists(#pk) OR #statusRank < :rank"
                : "attribute_not_exists(#pk) OR #statusRank = :rank";
        return conditionalPut(item, condition, Map.of(":rank", Attrs.n(rank)), runKey(run.runId()));
    }

    @Override
    public WriteOutcome putStep(StepRecord step) {
        Map<String, AttributeValue> item = encodeStep(step);
        String rankCondition = step.status().isTerminal() ? "#statusRank < :rank" : "#statusRank = :rank";
        String condition = "attribute_not_exists(#pk) OR #attempt < :attempt OR (#attempt = :attempt AND "
                + rankCondition + ")";
        return conditionalPut(item, condition,
                Map.of(":rank", Attrs.n(rank(step.status().isTerminal())), ":attempt", Attrs.n(step.attempt())),
                stepKey(step.runId(), step.stepId(), step.invocation()));
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(runKey(runId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(decodeRun(item));
    }

    @Override
    public Optional<StepRecord> step(String runId, String stepId, int invocation) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(stepKey(runId, stepId, invocation))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(decodeStep(item));
    }

    @Override
    public Optional<RunDetail> runDetail(String runId) {
        return run(runId).map(run -> new RunDetail(run, Queries.all(client, stepsQuery(runId), this::decodeStep)));
    }

    @Override
    public Page<StepRecord> steps(String runId, PageRequest page) {
        return Queries.page(client, stepsQuery(runId), page, STEPS_CURSOR, this::decodeStep);
    }

    @Override
    public Page<RunRecord> runsOfSequence(String sequenceName, PageRequest page) {
        QueryRequest query = newestFirst(RUNS_BY_SEQUENCE, "#seqKey = :key", Attrs.s(sequenceName));
        return Queries.page(client, query, page, BY_SEQUENCE_CURSOR, this::decodeRun);
    }

    @Override
    public Page<RunRecord> recentRuns(PageRequest page) {
        QueryRequest query = newestFirst(RUNS_BY_START, "#allKey = :key", Attrs.s(ALL_RUNS));
        return Queries.page(client, query, page, BY_START_CURSOR, this::decodeRun);
    }

    private QueryRequest newestFirst(String index, String keyCondition, AttributeValue key) {
        return QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":key", key)).scanIndexForward(false).build();
    }

    private QueryRequest stepsQuery(String runId) {
        String keyCondition = "#pk = :pk";
        return QueryRequest.builder().tableName(table).indexName(STEPS_BY_ORDER).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(RUN_PREFIX + runId))).consistentRead(true).build();
    }

    private WriteOutcome conditionalPut(Map<String, AttributeValue> item, String condition,
                                        Map<String, AttributeValue> values, Map<String, AttributeValue> key) {
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(Expressions.names(condition)).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return WriteOutcome.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            Optional<Map<String, AttributeValue>> stored = Conditions.failingItem(e,
                    () -> client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item());
            boolean same = stored.flatMap(s -> Attrs.optString(s, "digest"))
                    .equals(Optional.of(Attrs.string(item, "digest")));
            return same ? WriteOutcome.ALREADY_WRITTEN : WriteOutcome.REJECTED_STALE;
        }
    }

    // ---- encoding

    private Map<String, AttributeValue> encodeRun(RunRecord run) {
        Map<String, AttributeValue> item = new HashMap<>(runKey(run.runId()));
        String startKey = Instants.sortable(run.startedAt()) + "#" + run.runId();
        item.put(SEQUENCE_KEY, Attrs.s(run.sequenceName()));
        item.put(ALL_RUNS_KEY, Attrs.s(ALL_RUNS));
        item.put(START_KEY, Attrs.s(startKey));
        item.put("runId", Attrs.s(run.runId()));
        item.put("sequenceName", Attrs.s(run.sequenceName()));
        item.put("status", Attrs.s(run.status().name()));
        item.put("statusRank", Attrs.n(rank(run.status().isTerminal())));
        item.put("startedAt", Attrs.s(Instants.sortable(run.startedAt())));
        run.finishedAt().ifPresent(t -> item.put("finishedAt", Attrs.s(Instants.sortable(t))));
        json.write(item, "input", run.input(), digest -> BlobKeys.runValue(run.runId(), digest));
        run.executionArn().ifPresent(arn -> item.put("executionArn", Attrs.s(arn)));
        item.put("summary", Attrs.counters(run.summary()));
        run.error().ifPresent(e -> putError(item, e));
        item.put(EXPIRES_AT, Attrs.n(expiry(run.startedAt())));
        item.put("digest", Attrs.s(digest(run.toString())));
        return item;
    }

    private RunRecord decodeRun(Map<String, AttributeValue> item) {
        return new RunRecord(Attrs.string(item, "runId"), Attrs.string(item, "sequenceName"),
                RunStatus.valueOf(Attrs.string(item, "status")), Instants.parse(Attrs.string(item, "startedAt")),
                Attrs.optString(item, "finishedAt").map(Instants::parse), json.readRequired(item, "input"),
                Attrs.optString(item, "executionArn"), Attrs.counters(item, "summary"), error(item));
    }

    private Map<String, AttributeValue> encodeStep(StepRecord step) {
        Map<String, AttributeValue> item = new HashMap<>(stepKey(step.runId(), step.stepId(), step.invocation()));
        item.put(ORDER_KEY, Attrs.s(Instants.sortable(step.startedAt()) + "#" + step.stepId() + "#"
                + invocationText(step.invocation())));
        item.put("runId", Attrs.s(step.runId()));
        item.put("stepId", Attrs.s(step.stepId()));
        item.put("invocation", Attrs.n(step.invocation()));
        item.put("attempt", Attrs.n(step.attempt()));
        item.put("command", Attrs.s(step.command()));
        item.put("status", Attrs.s(step.status().name()));
        item.put("statusRank", Attrs.n(rank(step.status().isTerminal())));
        json.write(item, "args", step.args(), digest -> BlobKeys.runValue(step.runId(), digest));
        item.put("startedAt", Attrs.s(Instants.sortable(step.startedAt())));
        step.finishedAt().ifPresent(t -> item.put("finishedAt", Attrs.s(Instants.sortable(t))));
        step.elapsedMs().ifPresent(ms -> item.put("elapsedMs", Attrs.n(ms)));
        step.result().ifPresent(r -> json.write(item, "result", r, digest -> BlobKeys.runValue(step.runId(), digest)));
        step.error().ifPresent(e -> putError(item, e));
        item.put(EXPIRES_AT, Attrs.n(expiry(step.startedAt())));
        item.put("digest", Attrs.s(digest(step.toString())));
        return item;
    }

    private StepRecord decodeStep(Map<String, AttributeValue> item) {
        return new StepRecord(Attrs.string(item, "runId"), Attrs.string(item, "stepId"),
                (int) Attrs.number(item, "invocation"), (int) Attrs.number(item, "attempt"),
                Attrs.string(item, "command"), StepStatus.valueOf(Attrs.string(item, "status")),
                json.readRequired(item, "args"), Instants.parse(Attrs.string(item, "startedAt")),
                Attrs.optString(item, "finishedAt").map(Instants::parse), Attrs.optNumber(item, "elapsedMs"),
                json.read(item, "result"), error(item));
    }

    private static void putError(Map<String, AttributeValue> item, ErrorInfo error) {
        item.put("errorType", Attrs.s(error.type()));
        item.put("errorMessage", Attrs.s(error.message()));
    }

    private static Optional<ErrorInfo> error(Map<String, AttributeValue> item) {
        return Attrs.optString(item, "errorType")
                .map(type -> new ErrorInfo(type, Attrs.optString(item, "errorMessage").orElse("")));
    }

    private long expiry(Instant from) {
        return from.plus(settings.runRetention()).getEpochSecond();
    }

    private static int rank(boolean terminal) {
        return terminal ? RANK_TERMINAL : RANK_RUNNING;
    }

    static Map<String, AttributeValue> runKey(String runId) {
        return Map.of(PK, Attrs.s(RUN_PREFIX + runId), SK, Attrs.s(RUN_SK));
    }

    private static Map<String, AttributeValue> stepKey(String runId, String stepId, int invocation) {
        return Map.of(PK, Attrs.s(RUN_PREFIX + runId), SK, Attrs.s(STEP_PREFIX + stepId + "#" + invocationText(invocation)));
    }

    private static String invocationText(int invocation) {
        return String.format("%06d", invocation);
    }

    /** Fingerprint of a record's content: equal records, equal digests (records render deterministically). */
    private static String digest(String rendered) {
        return BlobKeys.sha256Hex(rendered.getBytes(StandardCharsets.UTF_8));
    }
}
