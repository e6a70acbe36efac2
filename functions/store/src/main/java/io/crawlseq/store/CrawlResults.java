package io.crawlseq.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What crawls learned about each site: hubs, the fetched-page index and articles. Everything is keyed by
 * (site, URL), so running a command again updates records instead of adding duplicates. An observation
 * older than the stored one (an out-of-order write) leaves the stored record as it is.
 */
public interface CrawlResults {

    /** Records a hub observation; returns the stored hub (with its first-seen time). */
    StoredHub putHub(SiteId site, Hub hub, String runId, Instant seenAt);

    Optional<StoredHub> hub(SiteId site, String url);

    /**
     * Hubs matching the query: all of a site ordered by URL; one kind ordered by country then URL; one
     * country ordered by kind then URL.
     */
    Page<StoredHub> hubs(HubQuery query, PageRequest page);

    /** Every hub matching the query, reading all pages. */
    default List<StoredHub> allHubs(HubQuery query) {
        List<StoredHub> all = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (request.isPresent()) {
            Page<StoredHub> page = hubs(query, request.get());
            all.addAll(page.items());
            request = request.get().next(page);
        }
        return all;
    }

    /** Records the latest fetch of a URL (an older fetch than the stored one is ignored). */
    void putPage(SiteId site, FetchedPage page);

    Optional<FetchedPage> page(SiteId site, String url);

    /** Records an article observation; returns the stored article. */
    StoredArticle putArticle(SiteId site, Article article, String runId, Instant seenAt);

    Optional<StoredArticle> article(SiteId site, String url);

    /** Articles of a site, ordered by URL. */
    Page<StoredArticle> articles(SiteId site, PageRequest page);
}
