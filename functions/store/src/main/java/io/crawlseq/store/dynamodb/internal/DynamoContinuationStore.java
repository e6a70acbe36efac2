package io.crawlseq.store.dynamodb.internal;

import static io.crawlseq.store.tables.StoreTables.EXPIRES_AT;
import static io.crawlseq.store.tables.StoreTables.PK;
import static io.crawlseq.store.tables.StoreTables.SK;

import io.crawlseq.store.Continuation;
import io.crawlseq.store.ContinuationLease;
import io.crawlseq.store.ContinuationStore;
import io.crawlseq.store.Json;
import io.crawlseq.store.ResumeOutcome;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.blob.BlobMetadata;
import io.crawlseq.store.blob.BlobStore;
import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Continuations in the runs table: item {@code (CONT#<token>, CONT)} holding the state (inline, or a blob
 * per invocation under {@code continuations/<token>/}), the invocation that must resume it, and the lease
 * ({@code leaseOwner}, {@code leaseUntil} in epoch millis) of the invocation working on it. Each
 * invocation's state has its own blob key, so a checkpoint that loses its lease cannot overwrite the state
 * the winner relies on.
 */
public final class DynamoContinuationStore implements ContinuationStore {

    private static final String PREFIX = "CONT#";
    private static final String CONT_SK = "CONT";
    private static final int FIRST_CONTINUATION = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient client;
    private final String table;
    private final StoreSettings settings;
    private final BlobStore blobs;
    private final int inlineLimitBytes;

    public DynamoContinuationStore(DynamoDbClient client, String table, StoreSettings settings, BlobStore blobs) {
        this.client = client;
        this.table = table;
        this.settings = settings;
        this.blobs = blobs;
        this.inlineLimitBytes = settings.inlineJsonLimitBytes();
    }

    @Override
    public Continuation start(String runId, String stepId, String command, Json state) {
        Checks.text("runId", runId, 256);
        Checks.text("stepId", stepId, 256);
        Checks.text("command", command, 128);
        String token = newToken();
        Instant now = settings.clock().instant();
        Map<String, AttributeValue> item = new HashMap<>(key(token));
        item.put("runId", Attrs.s(runId));
        item.put("stepId", Attrs.s(stepId));
        item.put("command", Attrs.s(command));
        item.put("invocation", Attrs.n(FIRST_CONTINUATION));
        item.put("createdAt", Attrs.s(Instants.sortable(now)));
        item.put("updatedAt", Attrs.s(Instants.sortable(now)));
        item.put(EXPIRES_AT, Attrs.n(expiry(now)));
        putState(item, token, FIRST_CONTINUATION, state);
        String condition = "attribute_not_exists(#pk)";
        client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(Expressions.names(condition)));
        return new Continuation(token, FIRST_CONTINUATION);
    }

    @Override
    public ResumeOutcome resume(String token, int invocation, Duration lease) {
        if (!Continuation.isWellFormedToken(token)) {
            return new ResumeOutcome.NotFound(String.valueOf(token));
        }
        Instant now = settings.clock().instant();
        Instant until = Instants.millis(now.plus(lease));
        String owner = UUID.randomUUID().toString();
        String condition = "attribute_exists(#pk) AND #invocation = :invocation AND #expiresAt > :nowSeconds"
                + " AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)";
        Update update = new Update().set("leaseOwner", Attrs.s(owner)).set("leaseUntil", Attrs.n(until.toEpochMilli()));
        try {
            Map<String, AttributeValue> item = client.updateItem(b -> b.tableName(table).key(key(token))
                    .updateExpression(update.expression()).conditionExpression(condition)
                    .expressionAttributeNames(update.names(condition))
                    .expressionAttributeValues(update.values(Map.of(":invocation", Attrs.n(invocation),
                            ":nowSeconds", Attrs.n(now.getEpochSecond()), ":now", Attrs.n(now.toEpochMilli()))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new ResumeOutcome.Resumed(new ContinuationLease(token, invocation, owner, until), readState(item));
        } catch (ConditionalCheckFailedException e) {
            return whyNotResumed(token, invocation, now, Conditions.failingItem(e, () -> get(token)));
        }
    }

    @Override
    public Continuation checkpoint(ContinuationLease lease, Json state) {
        int next = lease.invocation() + 1;
        Map<String, AttributeValue> stateAttributes = new LinkedHashMap<>();
        putState(stateAttributes, lease.token(), next, state);
        Instant now = settings.clock().instant();
        Update update = new Update()
                .set("invocation", Attrs.n(next))
                .setOrRemove("state", Optional.ofNullable(stateAttributes.get("state")))
                .setOrRemove("stateBlob", Optional.ofNullable(stateAttributes.get("stateBlob")))
                .set("updatedAt", Attrs.s(Instants.sortable(now)))
                .set(EXPIRES_AT, Attrs.n(expiry(now)))
                .remove("leaseOwner")
                .remove("leaseUntil");
        String condition = "#invocation = :invocation AND #leaseOwner = :owner";
        try {
            Map<String, AttributeValue> old = client.updateItem(b -> b.tableName(table).key(key(lease.token()))
                    .updateExpression(update.expression()).conditionExpression(condition)
                    .expressionAttributeNames(update.names(condition))
                    .expressionAttributeValues(update.values(leaseValues(lease)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            deleteStateBlob(old);
            return new Continuation(lease.token(), next);
        } catch (ConditionalCheckFailedException e) {
            deleteStateBlob(stateAttributes);
            throw new LostLeaseException(lease.token(), lease.invocation());
        }
    }

    @Override
    public void complete(ContinuationLease lease) {
        String condition = "#invocation = :invocation AND #leaseOwner = :owner";
        try {
            Map<String, AttributeValue> old = client.deleteItem(b -> b.tableName(table).key(key(lease.token()))
                    .conditionExpression(condition).expressionAttributeNames(Expressions.names(condition))
                    .expressionAttributeValues(leaseValues(lease)).returnValues(ReturnValue.ALL_OLD)).attributes();
            deleteStateBlob(old);
        } catch (ConditionalCheckFailedException e) {
            throw new LostLeaseException(lease.token(), lease.invocation());
        }
    }

    @Override
    public void release(ContinuationLease lease) {
        Update update = new Update().remove("leaseOwner").remove("leaseUntil");
        String condition = "#invocation = :invocation AND #leaseOwner = :owner";
        try {
            client.updateItem(b -> b.tableName(table).key(key(lease.token())).updateExpression(update.expression())
                    .conditionExpression(condition).expressionAttributeNames(update.names(condition))
                    .expressionAttributeValues(update.values(leaseValues(lease))));
        } catch (ConditionalCheckFailedException alreadyTakenOver) {
            // someone else holds it now; nothing of ours to give up
        }
    }

    private ResumeOutcome whyNotResumed(String token, int invocation, Instant now,
                                        Optional<Map<String, AttributeValue>> stored) {
        if (stored.isEmpty() || Attrs.number(stored.get(), EXPIRES_AT) <= now.getEpochSecond()) {
            return new ResumeOutcome.NotFound(token);
        }
        int expected = (int) Attrs.number(stored.get(), "invocation");
        if (expected != invocation) {
            return new ResumeOutcome.WrongInvocation(expected, invocation);
        }
        return new ResumeOutcome.Busy(Instant.ofEpochMilli(Attrs.number(stored.get(), "leaseUntil")));
    }

    private void putState(Map<String, AttributeValue> item, String token, int invocation, Json state) {
        if (state.sizeBytes() <= inlineLimitBytes) {
            item.put("state", Attrs.s(state.text()));
            return;
        }
        BlobKey blob = BlobKeys.continuationState(token, invocation, UUID.randomUUID().toString());
        blobs.put(blob, state.text().getBytes(StandardCharsets.UTF_8), BlobMetadata.json());
        item.put("stateBlob", Attrs.s(blob.value()));
    }

    private Json readState(Map<String, AttributeValue> item) {
        Optional<String> inline = Attrs.optString(item, "state");
        if (inline.isPresent()) {
            return Json.parse(inline.get());
        }
        String blob = Attrs.string(item, "stateBlob");
        return Json.parse(blobs.get(BlobKey.of(blob))
                .orElseThrow(() -> new IllegalStateException("continuation state blob " + blob + " is missing")).utf8());
    }

    private void deleteStateBlob(Map<String, AttributeValue> item) {
        if (item != null) {
            Attrs.optString(item, "stateBlob").ifPresent(blob -> blobs.delete(BlobKey.of(blob)));
        }
    }

    private Map<String, AttributeValue> get(String token) {
        return client.getItem(b -> b.tableName(table).key(key(token)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> leaseValues(ContinuationLease lease) {
        return Map.of(":invocation", Attrs.n(lease.invocation()), ":owner", Attrs.s(lease.owner()));
    }

    private long expiry(Instant now) {
        return now.plus(settings.continuationRetention()).getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String token) {
        return Map.of(PK, Attrs.s(PREFIX + token), SK, Attrs.s(CONT_SK));
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
