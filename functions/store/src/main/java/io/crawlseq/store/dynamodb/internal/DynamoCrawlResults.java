package io.crawlseq.store.dynamodb.internal;

import static io.crawlseq.store.tables.StoreTables.HUBS_BY_COUNTRY;
import static io.crawlseq.store.tables.StoreTables.HUBS_BY_KIND;
import static io.crawlseq.store.tables.StoreTables.ISO_KEY;
import static io.crawlseq.store.tables.StoreTables.ISO_SORT;
import static io.crawlseq.store.tables.StoreTables.KIND_KEY;
import static io.crawlseq.store.tables.StoreTables.KIND_SORT;
import static io.crawlseq.store.tables.StoreTables.PK;
import static io.crawlseq.store.tables.StoreTables.SK;

import io.crawlseq.store.Article;
import io.crawlseq.store.CrawlResults;
import io.crawlseq.store.FetchedPage;
import io.crawlseq.store.Hub;
import io.crawlseq.store.HubKind;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredArticle;
import io.crawlseq.store.StoredHub;
import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Crawl results in the crawl-results table, one partition per (kind of record, site): hubs under
 * {@code HUB#<site>}, fetched pages under {@code PAGE#<site>}, articles under {@code ART#<site>}, each
 * keyed by URL (see {@link UrlKeys}). Hubs are also indexed by kind ({@code <site>#<kind>}, sorted by
 * country then URL) and by country ({@code <site>#<ISO2>}, sorted by kind then URL; hubs without a country
 * are not in that index).
 */
public final class DynamoCrawlResults implements CrawlResults {

    private static final String HUB = "HUB#";
    private static final String PAGE = "PAGE#";
    private static final String ARTICLE = "ART#";
    private static final String NO_COUNTRY = "-";
    private static final String NEWER_OR_EQUAL_STORED = "attribute_not_exists(#pk) OR #lastSeen <= :seen";

    private static final Set<String> BASE_CURSOR = Set.of(PK, SK);
    private static final Set<String> BY_KIND_CURSOR = Set.of(PK, SK, KIND_KEY, KIND_SORT);
    private static final Set<String> BY_COUNTRY_CURSOR = Set.of(PK, SK, ISO_KEY, ISO_SORT);

    private final DynamoDbClient client;
    private final String table;

    public DynamoCrawlResults(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public StoredHub putHub(SiteId site, Hub hub, String runId, Instant seenAt) {
        Checks.text("runId", runId, 256);
        String urlKey = UrlKeys.of(hub.url());
        String kind = hub.kind().wireName();
        Update update = new Update()
                .set("url", Attrs.s(hub.url()))
                .set("kind", Attrs.s(kind))
                .setOrRemove("iso2", hub.iso2().map(Attrs::s))
                .setOrRemove("topic", hub.topic().map(Attrs::s))
                .setOrRemove("name", hub.name().map(Attrs::s))
                .setOrRemove("placeId", hub.placeId().map(Attrs::s))
                .set("confidence", Attrs.n(hub.confidence()))
                .set("verified", Attrs.bool(hub.verified()))
                .set("evidence", Attrs.strings(hub.evidence()))
                .set(KIND_KEY, Attrs.s(site.value() + "#" + kind))
                .set(KIND_SORT, Attrs.s(hub.iso2().orElse(NO_COUNTRY) + "#" + urlKey))
                .setOrRemove(ISO_KEY, hub.iso2().map(iso -> Attrs.s(site.value() + "#" + iso)))
                .setOrRemove(ISO_SORT, hub.iso2().map(iso -> Attrs.s(kind + "#" + urlKey)));
        return observe(key(HUB, site, hub.url()), update, runId, seenAt).map(this::decodeHub).orElseThrow();
    }

    @Override
    public Optional<StoredHub> hub(SiteId site, String url) {
        return get(key(HUB, site, url)).map(this::decodeHub);
    }

    @Override
    public Page<StoredHub> hubs(HubQuery query, PageRequest page) {
        String site = query.site().value();
        if (query.kind().isPresent()) {
            String kindKey = site + "#" + query.kind().get().wireName();
            QueryRequest request = query.iso2()
                    .map(iso -> indexQuery(HUBS_BY_KIND, "#kindKey = :key AND begins_with(#kindSort, :prefix)",
                            Map.of(":key", Attrs.s(kindKey), ":prefix", Attrs.s(iso + "#"))))
                    .orElseGet(() -> indexQuery(HUBS_BY_KIND, "#kindKey = :key", Map.of(":key", Attrs.s(kindKey))));
            return Queries.page(client, request, page, BY_KIND_CURSOR, this::decodeHub);
        }
        if (query.iso2().isPresent()) {
            QueryRequest request = indexQuery(HUBS_BY_COUNTRY, "#isoKey = :key",
                    Map.of(":key", Attrs.s(site + "#" + query.iso2().get())));
            return Queries.page(client, request, page, BY_COUNTRY_CURSOR, this::decodeHub);
        }
        return Queries.page(client, partitionQuery(HUB, query.site()), page, BASE_CURSOR, this::decodeHub);
    }

    @Override
    public void putPage(SiteId site, FetchedPage page) {
        Map<String, AttributeValue> item = new HashMap<>(key(PAGE, site, page.url()));
        item.put("url", Attrs.s(page.url()));
        item.put("status", Attrs.n(page.status()));
        page.contentType().ifPresent(v -> item.put("contentType", Attrs.s(v)));
        item.put("bytes", Attrs.n(page.bytes()));
        item.put("fetchedAt", Attrs.s(Instants.sortable(page.fetchedAt())));
        page.etag().ifPresent(v -> item.put("etag", Attrs.s(v)));
        page.lastModified().ifPresent(v -> item.put("lastModified", Attrs.s(v)));
        page.bodyKey().ifPresent(v -> item.put("bodyKey", Attrs.s(v)));
        String condition = "attribute_not_exists(#pk) OR #fetchedAt <= :fetchedAt";
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(Expressions.names(condition))
                    .expressionAttributeValues(Map.of(":fetchedAt", item.get("fetchedAt"))));
        } catch (ConditionalCheckFailedException olderThanStored) {
            // a later fetch of this URL is already recorded; it stays
        }
    }

    @Override
    public Optional<FetchedPage> page(SiteId site, String url) {
        return get(key(PAGE, site, url)).map(item -> new FetchedPage(Attrs.string(item, "url"),
                (int) Attrs.number(item, "status"), Attrs.optString(item, "contentType"), Attrs.number(item, "bytes"),
                Instants.parse(Attrs.string(item, "fetchedAt")), Attrs.optString(item, "etag"),
                Attrs.optString(item, "lastModified"), Attrs.optString(item, "bodyKey")));
    }

    @Override
    public StoredArticle putArticle(SiteId site, Article article, String runId, Instant seenAt) {
        Checks.text("runId", runId, 256);
        Update update = new Update()
                .set("url", Attrs.s(article.url()))
                .setOrRemove("title", article.title().map(Attrs::s))
                .setOrRemove("publishedAt", article.publishedAt().map(t -> Attrs.s(Instants.sortable(t))))
                .setOrRemove("section", article.section().map(Attrs::s))
                .setOrRemove("hubUrl", article.hubUrl().map(Attrs::s));
        return observe(key(ARTICLE, site, article.url()), update, runId, seenAt).map(this::decodeArticle)
                .orElseThrow();
    }

    @Override
    public Optional<StoredArticle> article(SiteId site, String url) {
        return get(key(ARTICLE, site, url)).map(this::decodeArticle);
    }

    @Override
    public Page<StoredArticle> articles(SiteId site, PageRequest page) {
        return Queries.page(client, partitionQuery(ARTICLE, site), page, BASE_CURSOR, this::decodeArticle);
    }

    /**
     * Applies an observation unless a later one is stored; returns the item as stored afterwards. Adds
     * site, first/last seen and run to {@code update}.
     */
    private Optional<Map<String, AttributeValue>> observe(Map<String, AttributeValue> key, Update update, String runId,
                                                          Instant seenAt) {
        String seen = Instants.sortable(seenAt);
        update.set("site", Attrs.s(siteOf(key)))
                .set("lastSeen", Attrs.s(seen))
                .set("lastRunId", Attrs.s(runId))
                .setIfNotExists("firstSeen", Attrs.s(seen));
        try {
            return Optional.of(client.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression(update.expression())
                    .conditionExpression(NEWER_OR_EQUAL_STORED)
                    .expressionAttributeNames(update.names(NEWER_OR_EQUAL_STORED))
                    .expressionAttributeValues(update.values(Map.of(":seen", Attrs.s(seen))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes());
        } catch (ConditionalCheckFailedException olderThanStored) {
            return Conditions.failingItem(olderThanStored, () -> get(key).orElse(Map.of()));
        }
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private QueryRequest partitionQuery(String prefix, SiteId site) {
        String keyCondition = "#pk = :pk";
        return QueryRequest.builder().tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(prefix + site.value()))).consistentRead(true).build();
    }

    private QueryRequest indexQuery(String index, String keyCondition, Map<String, AttributeValue> values) {
        return QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition)).expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> key(String prefix, SiteId site, String url) {
        return Map.of(PK, Attrs.s(prefix + site.value()), SK, Attrs.s(UrlKeys.of(url)));
    }

    private static String siteOf(Map<String, AttributeValue> key) {
        String pk = key.get(PK).s();
        return pk.substring(pk.indexOf('#') + 1);
    }

    private StoredHub decodeHub(Map<String, AttributeValue> item) {
        HubKind kind = HubKind.fromWireName(Attrs.string(item, "kind"))
                .orElseThrow(() -> new IllegalStateException("stored hub has unknown kind " + item.get("kind")));
        Hub hub = new Hub(Attrs.string(item, "url"), kind, Attrs.optString(item, "iso2"),
                Attrs.optString(item, "topic"), Attrs.optString(item, "name"), Attrs.optString(item, "placeId"),
                Attrs.decimal(item, "confidence"), Attrs.bool(item, "verified"), Attrs.strings(item, "evidence"));
        return new StoredHub(SiteId.of(Attrs.string(item, "site")), hub, Instants.parse(Attrs.string(item, "firstSeen")),
                Instants.parse(Attrs.string(item, "lastSeen")), Attrs.string(item, "lastRunId"));
    }

    private StoredArticle decodeArticle(Map<String, AttributeValue> item) {
        Article article = new Article(Attrs.string(item, "url"), Attrs.optString(item, "title"),
                Attrs.optString(item, "publishedAt").map(Instants::parse), Attrs.optString(item, "section"),
                Attrs.optString(item, "hubUrl"));
        return new StoredArticle(SiteId.of(Attrs.string(item, "site")), article,
                Instants.parse(Attrs.string(item, "firstSeen")), Instants.parse(Attrs.string(item, "lastSeen")),
                Attrs.string(item, "lastRunId"));
    }
}
