package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crawlseq.commands.handlers.support.ArticleRecords;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.store.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the stories a crawl finds (the crawl counts and deduplicates them): every one goes to
 * the store, the first {@value #KEPT_IN_RESULT} stay as result records, carried from invocation to
 * invocation so the final result lists them whatever the number of invocations.
 */
public final class ArticleCollector implements Consumer<ArticleRecord> {

    /** Article records a result carries at most (the envelope shows fewer; the store has all). */
    public static final int KEPT_IN_RESULT = 2000;

    private final ArrayNode kept;
    private final List<Article> fresh = new ArrayList<>();

    private ArticleCollector(ArrayNode kept) {
        this.kept = kept;
    }

    public static ArticleCollector empty() {
        return new ArticleCollector(JsonNodeFactory.instance.arrayNode());
    }

    /** Carries on from what {@link #toJson()} saved. */
    public static ArticleCollector restore(JsonNode saved) {
        return new ArticleCollector(saved != null && saved.isArray() ? (ArrayNode) saved.deepCopy()
                : JsonNodeFactory.instance.arrayNode());
    }

    @Override
    public void accept(ArticleRecord record) {
        Article article = ArticleRecords.toStore(record);
        fresh.add(article);
        if (kept.size() < KEPT_IN_RESULT) {
            kept.add(ArticleRecords.toJson(article));
        }
    }

    /** The result records kept so far. */
    public ArrayNode articles() {
        return kept.deepCopy();
    }

    /** Articles found in this invocation (to store). */
    public List<Article> fresh() {
        return List.copyOf(fresh);
    }

    public ArrayNode toJson() {
        return kept.deepCopy();
    }
}
