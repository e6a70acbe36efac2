package io.crawlseq.crawler.archive;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.Pagination;
import java.util.List;

/**
 * One page of a listing as fetched: whether it has content, and what it lists.
 *
 * @param page        the page number asked for (walked pages: their position)
 * @param url         the URL requested
 * @param verdict     what the fetch says about the page
 * @param fingerprint the stories it lists ({@link ListingFingerprint#EMPTY} unless content)
 * @param stories     the stories, in page order
 * @param nextUrl     its link to the next (older) page, or null
 * @param detail      why, for humans ("404", "redirected to /world", "no stories")
 */
public record ArchivePage(int page, String url, Verdict verdict, ListingFingerprint fingerprint, List<StoryLink> stories,
                          String nextUrl, String detail) {

    /** What a fetched page is. */
    public enum Verdict {
        /** It lists stories. */
        CONTENT,
        /** 200, but no stories, or it says "no results"/"not found": a soft 404. */
        EMPTY,
        /** 4xx (404, 410...). */
        NOT_FOUND,
        /** Redirected somewhere that is not this page (the hub, the home page). */
        REDIRECTED,
        /** A transient failure (429, 503, timeout): worth asking again later. */
        RETRY,
        /** Any other failure (blocked by robots.txt, too large, 5xx that is not transient). */
        FAILED;

        /** The page exists and lists stories. */
        public boolean hasContent() {
            return this == CONTENT;
        }

        /** Evidence that the listing has no such page. */
        public boolean isMiss() {
            return this == EMPTY || this == NOT_FOUND || this == REDIRECTED;
        }
    }

    public ArchivePage {
        stories = List.copyOf(stories);
        fingerprint = fingerprint == null ? ListingFingerprint.EMPTY : fingerprint;
        detail = detail == null ? "" : detail;
    }

    /**
     * Reads a fetch of page {@code page} of the listing.
     *
     * @param scheme   the listing's scheme (decides whether a redirect still lands on this page)
     * @param analysis the page's analysis when the fetch is OK, else null
     */
    public static ArchivePage read(int page, FetchResult result, PageAnalysis analysis, PageScheme scheme) {
        String url = result.url();
        if (result.retryable()) {
            return miss(page, url, Verdict.RETRY, result.outcome().wireName() + status(result));
        }
        if (result.outcome() == FetchOutcome.CLIENT_ERROR) {
            return miss(page, url, Verdict.NOT_FOUND, "status" + status(result));
        }
        if (result.outcome() == FetchOutcome.REDIRECT) {
            return miss(page, url, Verdict.REDIRECTED, "redirect not followed: " + result.detail());
        }
        if (!result.isOk() || analysis == null) {
            return miss(page, url, Verdict.FAILED, result.outcome().wireName() + status(result));
        }
        if (result.redirects() > 0 && !landsOnSamePage(page, result, scheme)) {
            return miss(page, url, Verdict.REDIRECTED, "redirected to " + result.finalUrl());
        }
        String next = nextUrl(analysis);
        if (analysis.isArticle()) {
            return miss(page, url, Verdict.EMPTY, "a story, not a listing");
        }
        if (NotFoundText.saysMissing(analysis)) {
            return new ArchivePage(page, url, Verdict.EMPTY, ListingFingerprint.EMPTY, List.of(), null,
                    "says it is missing: " + analysis.title());
        }
        List<StoryLink> stories = ListingFingerprint.storiesOf(analysis);
        if (stories.isEmpty()) {
            return new ArchivePage(page, url, Verdict.EMPTY, ListingFingerprint.EMPTY, List.of(), null, "no stories");
        }
        return new ArchivePage(page, url, Verdict.CONTENT, ListingFingerprint.of(stories), stories, next,
                stories.size() + " stories");
    }

    private static ArchivePage miss(int page, String url, Verdict verdict, String detail) {
        return new ArchivePage(page, url, verdict, ListingFingerprint.EMPTY, List.of(), null, detail);
    }

    /** A redirect to the same page number (a trailing slash, a canonical host) is not a miss; one to the hub is. */
    private static boolean landsOnSamePage(int page, FetchResult result, PageScheme scheme) {
        if (scheme.randomAccess()) {
            return scheme.pageOf(result.finalUrl()) == page;
        }
        return page == 1 || scheme.pageOf(result.finalUrl()) != 1;
    }

    /** The page's link to its next page: the lowest numbered one, else the first found. */
    static String nextUrl(PageAnalysis analysis) {
        Pagination best = null;
        for (Pagination p : analysis.listing().pagination()) {
            if (p.url().equals(analysis.url())) {
                continue;
            }
            if (best == null || (p.page() > 0 && (best.page() <= 0 || p.page() < best.page()))) {
                best = p;
            }
        }
        return best == null ? null : best.url();
    }

    private static String status(FetchResult result) {
        return result.status() > 0 ? " " + result.status() : "";
    }
}
