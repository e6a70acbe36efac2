package io.crawlseq.commands.handlers.support;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.store.FetchedPage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fetched-page index of one invocation: every URL its crawls finished with (OK or failed,
 * after retries; robots.txt refusals are not fetches and are left out), keyed by the page's URL,
 * ready for {@code CrawlResults.putPage}. Fed by the crawler's processed-page listener on the
 * crawl's thread. It also remembers the start page's outcome (to tell an unreachable site) and the
 * last page fetched OK (so an article sink can store that page's body).
 */
public final class PageIndex {

    private final Clock clock;
    private final String startUrl;
    private final Map<String, FetchedPage> pages = new LinkedHashMap<>();
    private FetchResult startPage;
    private FetchResult lastOk;
    private long ok;

    public PageIndex(Clock clock, String startUrl) {
        this.clock = clock;
        this.startUrl = startUrl;
    }

    /** Records one processed URL. */
    public synchronized void add(FetchResult result) {
        if (result.url().equals(startUrl) && startPage == null) {
            startPage = result;
        }
        if (result.outcome() == FetchOutcome.BLOCKED_BY_ROBOTS) {
            return;
        }
        if (result.isOk()) {
            ok++;
            lastOk = result;
        }
        String url = result.isOk() ? result.finalUrl() : result.url();
        pages.put(url, new FetchedPage(url, Math.max(0, result.status()), nonEmpty(result.contentType()),
                result.bodyBytes(), clock.instant(), result.header("etag"), result.header("last-modified"),
                Optional.empty()));
    }

    /** Points the page's record at its stored body. */
    public synchronized void attachBody(String url, String bodyKey) {
        FetchedPage p = pages.get(url);
        if (p != null) {
            pages.put(url, new FetchedPage(p.url(), p.status(), p.contentType(), p.bytes(), p.fetchedAt(), p.etag(),
                    p.lastModified(), Optional.of(bodyKey)));
        }
    }

    /** The last page fetched OK, when its URL (after redirects) is {@code url}. */
    public synchronized Optional<FetchResult> lastOkAt(String url) {
        return lastOk != null && lastOk.finalUrl().equals(url) ? Optional.of(lastOk) : Optional.empty();
    }

    /** How the start page's fetch ended, when a crawl of this invocation fetched it. */
    public synchronized Optional<FetchResult> startPage() {
        return Optional.ofNullable(startPage);
    }

    /** Pages fetched OK. */
    public synchronized long okCount() {
        return ok;
    }

    public synchronized List<FetchedPage> pages() {
        return new ArrayList<>(pages.values());
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
