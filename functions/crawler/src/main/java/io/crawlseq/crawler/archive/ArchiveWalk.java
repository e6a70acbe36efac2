package io.crawlseq.crawler.archive;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.PageAnalyzer;
import io.crawlseq.crawler.url.UrlResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one hub's pages in order (page 1, 2, 3... by number, or by its "older" links), handing
 * the stories each page lists to an {@link ArchiveCrawl}, and, when asked, fetching each story
 * before the next listing page. Stops at maxPages, at the first page without stories of its own
 * (404, soft 404, a redirect away, the stories of an earlier page again) or when the listing
 * links no further. One {@link #step} is one fetch.
 */
final class ArchiveWalk {

    /** A story taken from a listing, waiting to be fetched. */
    record Pending(String url, String text) {
    }

    /**
     * @param hubUrl        page 1
     * @param scheme        how pages are addressed (known once page 1 is read)
     * @param pagesWalked   pages with stories of their own so far
     * @param nextUrl       the next listing page to fetch (walked schemes), or null
     * @param fingerprints  the story fingerprints of the pages walked
     * @param pending       stories waiting to be fetched
     * @param retries       transient failures of the current fetch so far
     * @param listingDone   no more listing pages to fetch
     * @param loopDetected  a page repeated an earlier one, or linked back
     * @param stop          why the listing ended, for humans
     * @param visited       the hub's first page was fetched (whatever it answered)
     */
    record State(String hubUrl, PageScheme scheme, int pagesWalked, String nextUrl, List<Long> fingerprints,
                 List<Pending> pending, int retries, boolean listingDone, boolean loopDetected, String stop,
                 boolean visited) {

        State {
            fingerprints = List.copyOf(fingerprints);
            pending = List.copyOf(pending);
            stop = stop == null ? "" : stop;
        }

        static State start(String hubUrl) {
            return new State(hubUrl, PageScheme.none(hubUrl), 0, hubUrl, List.of(), List.of(), 0, false, false, "", false);
        }

        boolean done() {
            return listingDone && pending.isEmpty();
        }
    }

    /** What the walk needs from the crawl it belongs to. */
    interface Stories {
        /** Whether to take a story found on a listing page (new to the crawl, within its limits). */
        boolean take(StoryLink story);

        /** A story's record: fetched, or from the listing's link alone. */
        void found(ArticleRecord record);

        /** Counts one fetch; false when the crawl's request budget is spent (the fetch is not made). */
        boolean spend();
    }

    private final PageAnalyzer analyzer = new PageAnalyzer();
    private final int maxPages;
    private final boolean fetchArticles;
    private State s;

    ArchiveWalk(State state, int maxPages, boolean fetchArticles) {
        this.s = state;
        this.maxPages = maxPages;
        this.fetchArticles = fetchArticles;
    }

    State state() {
        return s;
    }

    boolean done() {
        return s.done();
    }

    /** The next step fetches a listing page (not a story). */
    boolean atListing() {
        return s.pending().isEmpty() && !s.listingDone();
    }

    void step(Crawler crawler, Stories stories) {
        if (!s.pending().isEmpty()) {
            fetchStory(crawler, stories);
        } else if (!s.listingDone()) {
            fetchListing(crawler, stories);
        }
    }

    /** Ends the listing now (the crawl's article limit is reached); stories already taken are still fetched. */
    void stopListing(String why) {
        if (!s.listingDone()) {
            s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), null, s.fingerprints(), s.pending(), 0, true,
                    s.loopDetected(), why, s.visited());
        }
    }

    /** Drops the stories waiting to be fetched (the crawl's request budget is spent). */
    void abandon(String why, Stories stories) {
        for (Pending p : s.pending()) {
            stories.found(linkRecord(p.url(), p.text()));
        }
        s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), null, s.fingerprints(), List.of(), 0, true,
                s.loopDetected(), s.listingDone() ? s.stop() : why, s.visited());
    }

    private void fetchStory(Crawler crawler, Stories stories) {
        Pending story = s.pending().get(0);
        if (!stories.spend()) {
            abandon("request budget spent", stories);
            return;
        }
        FetchResult result = fetch(crawler, story.url());
        if (result != null && result.retryable() && s.retries() + 1 < DepthProbe.MAX_RETRIES) {
            s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), s.nextUrl(), s.fingerprints(), s.pending(),
                    s.retries() + 1, s.listingDone(), s.loopDetected(), s.stop(), s.visited());
            return;
        }
        PageAnalysis analysis = result != null && result.isOk() ? analyzer.analyze(result) : null;
        stories.found(analysis != null && analysis.isArticle() ? ArticleRecord.of(analysis, s.hubUrl())
                : linkRecord(story.url(), story.text()));
        s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), s.nextUrl(), s.fingerprints(),
                s.pending().subList(1, s.pending().size()), 0, s.listingDone(), s.loopDetected(), s.stop(), s.visited());
    }

    private void fetchListing(Crawler crawler, Stories stories) {
        int page = s.pagesWalked() + 1;
        String url = page == 1 ? s.hubUrl() : s.scheme().randomAccess() ? s.scheme().urlFor(page) : s.nextUrl();
        if (url == null) {
            endListing("the last page links no further", s.visited());
            return;
        }
        if (!stories.spend()) {
            endListing("request budget spent", s.visited());
            return;
        }
        FetchResult result = fetch(crawler, url);
        PageAnalysis analysis = result != null && result.isOk() ? analyzer.analyze(result) : null;
        PageScheme scheme = page == 1 ? PageScheme.detect(s.hubUrl(), analysis) : s.scheme();
        ArchivePage read = result == null
                ? new ArchivePage(page, url, ArchivePage.Verdict.FAILED, null, List.of(), null, "invalid URL")
                : ArchivePage.read(page, result, analysis, scheme);
        if (read.verdict() == ArchivePage.Verdict.RETRY && s.retries() + 1 < DepthProbe.MAX_RETRIES) {
            s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), s.nextUrl(), s.fingerprints(), s.pending(),
                    s.retries() + 1, false, s.loopDetected(), s.stop(), s.visited());
            return;
        }
        if (!read.verdict().hasContent()) {
            endListing("page " + page + ": " + read.detail(), true);
            return;
        }
        long fp = read.fingerprint().hash();
        if (s.fingerprints().contains(fp)) {
            s = new State(s.hubUrl(), scheme, s.pagesWalked(), null, s.fingerprints(), s.pending(), 0, true, true,
                    "page " + page + " lists the stories of an earlier page", true);
            return;
        }
        List<Pending> pending = new ArrayList<>(s.pending());
        for (StoryLink story : read.stories()) {
            if (stories.take(story)) {
                if (fetchArticles) {
                    pending.add(new Pending(story.url(), story.text()));
                } else {
                    stories.found(linkRecord(story.url(), story.text()));
                }
            }
        }
        List<Long> fingerprints = new ArrayList<>(s.fingerprints());
        fingerprints.add(fp);
        String next = scheme.randomAccess() ? null : read.nextUrl();
        boolean loop = !scheme.randomAccess() && next != null && (next.equals(s.hubUrl()) || next.equals(url));
        String stop = page >= maxPages ? "reached maxPages " + maxPages
                : scheme.kind() == PageScheme.Kind.NONE ? "no pagination"
                : loop ? "page " + page + " links back to an earlier page"
                : !scheme.randomAccess() && next == null ? "page " + page + " links no further" : "";
        s = new State(s.hubUrl(), scheme, page, next, fingerprints, pending, 0, !stop.isEmpty(), s.loopDetected() || loop,
                stop, true);
    }

    private void endListing(String why, boolean visited) {
        s = new State(s.hubUrl(), s.scheme(), s.pagesWalked(), null, s.fingerprints(), s.pending(), 0, true,
                s.loopDetected(), why, visited);
    }

    /** Null for an invalid URL. */
    private static FetchResult fetch(Crawler crawler, String url) {
        UrlResult parsed = crawler.url(url);
        return parsed instanceof UrlResult.Valid valid ? crawler.fetchOnce(FetchRequest.page(valid.url())) : null;
    }

    private ArticleRecord linkRecord(String url, String text) {
        return new ArticleRecord(url, text.isBlank() ? null : text, null, null, s.hubUrl(), List.of());
    }
}
