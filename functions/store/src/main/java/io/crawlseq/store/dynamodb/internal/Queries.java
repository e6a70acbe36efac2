package io.crawlseq.store.dynamodb.internal;

import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Paged and exhaustive queries. Not public API. */
final class Queries {

    private Queries() {
    }

    /**
     * One page of a query. {@code cursorNames} are the key attributes of the table or index queried (the
     * shape of its LastEvaluatedKey).
     */
    static <T> Page<T> page(DynamoDbClient client, QueryRequest query, PageRequest page, Set<String> cursorNames,
                            Function<Map<String, AttributeValue>, T> decode) {
        QueryRequest.Builder request = query.toBuilder().limit(page.limit());
        page.cursor().ifPresent(c -> request.exclusiveStartKey(Cursors.decode(c, cursorNames)));
        QueryResponse response = client.query(request.build());
        List<T> items = response.items().stream().map(decode).toList();
        Optional<String> next = response.hasLastEvaluatedKey() ? Cursors.encode(response.lastEvaluatedKey())
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** Every item a query returns, across DynamoDB's 1 MB pages. */
    static <T> List<T> all(DynamoDbClient client, QueryRequest query, Function<Map<String, AttributeValue>, T> decode) {
        List<T> out = new ArrayList<>();
        for (QueryResponse response : client.queryPaginator(query)) {
            response.items().forEach(item -> out.add(decode.apply(item)));
        }
        return out;
    }
}
