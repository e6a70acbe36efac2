package io.crawlseq.store.dynamodb.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Reading the item that made a conditional write fail. Not public API. */
final class Conditions {

    private Conditions() {
    }

    /**
     * The item as it was when the condition failed (DynamoDB returns it with
     * {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), or a fresh consistent read when the service did
     * not return it; empty when there is no item.
     */
    static Optional<Map<String, AttributeValue>> failingItem(ConditionalCheckFailedException e,
                                                             Supplier<Map<String, AttributeValue>> reread) {
        if (e.hasItem() && !e.item().isEmpty()) {
            return Optional.of(e.item());
        }
        Map<String, AttributeValue> item = reread.get();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
