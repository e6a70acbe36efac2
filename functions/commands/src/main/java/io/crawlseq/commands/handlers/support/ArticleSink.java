package io.crawlseq.commands.handlers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.store.Article;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.blob.BlobMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the stories a crawl finds: counts them over all invocations, keeps the first
 * {@value #KEPT_IN_RESULT} as result records (every one goes to the store), and optionally stores
 * each story's page body as a content-addressed blob (equal bodies are stored once) linked from the
 * fetched-page index. Called on the crawl's thread.
 */
public final class ArticleSink implements Consumer<ArticleRecord> {

    /** Article records a result carries at most (the envelope shows fewer; the store has all). */
    public static final int KEPT_IN_RESULT = 2000;

    private final CrawlSession session;
    private final boolean storeBodies;
    private long found;
    private final ArrayNode kept;
    private final Set<String> keptUrls = new HashSet<>();
    private final Set<String> freshUrls = new HashSet<>();
    private final List<Article> fresh = new ArrayList<>();
    private RuntimeException bodyFailure;

    private ArticleSink(CrawlSession session, boolean storeBodies, long found, ArrayNode kept) {
        this.session = session;
        this.storeBodies = storeBodies;
        this.found = found;
        this.kept = kept;
        kept.forEach(a -> keptUrls.add(a.path("url").asText()));
    }

    static ArticleSink restore(CrawlSession session, JsonNode carried, boolean storeBodies) {
        ArrayNode kept = carried.path("articles").isArray() ? (ArrayNode) carried.get("articles").deepCopy()
                : JsonNodeFactory.instance.arrayNode();
        return new ArticleSink(session, storeBodies, carried.path("found").asLong(0), kept);
    }

    @Override
    public void accept(ArticleRecord record) {
        Article article = ArticleRecords.toStore(record);
        if (!freshUrls.add(article.url()) || keptUrls.contains(article.url())) {
            return;
        }
        found++;
        fresh.add(article);
        if (kept.size() < KEPT_IN_RESULT) {
            kept.add(ArticleRecords.toJson(article));
            keptUrls.add(article.url());
        }
        if (storeBodies) {
            session.pages().lastOkAt(article.url()).ifPresent(this::storeBody);
        }
    }

    private void storeBody(FetchResult page) {
        if (bodyFailure != null) {
            return;
        }
        try {
            byte[] body = page.body();
            BlobKey key = BlobKeys.pageBody(body);
            session.services().storage().blobs().putIfAbsent(key, body,
                    BlobMetadata.of(page.contentType().isEmpty() ? BlobMetadata.OCTET_STREAM : page.contentType()));
            session.pages().attachBody(page.finalUrl(), key.value());
        } catch (RuntimeException e) {
            bodyFailure = e;
        }
    }

    /** Distinct stories found over all invocations. */
    public long found() {
        return found;
    }

    /** The result records kept (the first {@value #KEPT_IN_RESULT}). */
    public ArrayNode articles() {
        return kept.deepCopy();
    }

    /** What the next invocation restores from. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("found", found);
        o.set("articles", kept.deepCopy());
        return o;
    }

    /** Puts {@code articlesFound} and {@code articles} on a result. */
    public ObjectNode putFields(ObjectNode fields) {
        fields.put("articlesFound", found);
        fields.set("articles", articles());
        return fields;
    }

    List<Article> fresh() {
        return List.copyOf(fresh);
    }

    void rethrowBodyFailure() throws CommandException {
        if (bodyFailure != null) {
            throw CommandException.transientFailure("could not store a page body: " + bodyFailure, bodyFailure);
        }
    }
}
