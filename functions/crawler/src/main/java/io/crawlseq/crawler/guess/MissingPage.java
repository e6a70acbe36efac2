package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.archive.ListingFingerprint;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.page.PageAnalysis;

/**
 * What a site answers for a hub URL that cannot exist ({@code /world/zzq-no-such-place}), learned
 * once per pattern before guessing with it: a real 404 (then HEAD answers are trustworthy and a
 * guess costs one request), a redirect (to the home page or the section), or a 200 page that is
 * really "not found" (then HEAD says nothing, and a guess is a miss when its page looks like this
 * one: same title and heading, or the same stories).
 *
 * @param pattern      the pattern it was learned for
 * @param headStatus   the status HEAD got (0: no answer)
 * @param getOutcome   the GET's outcome wire name ("" when HEAD settled it)
 * @param finalUrl     where the GET ended (after redirects)
 * @param title        the soft 404's title
 * @param h1           the soft 404's heading
 * @param fingerprint  the soft 404's stories (0: none)
 */
public record MissingPage(String pattern, int headStatus, String getOutcome, String finalUrl, String title, String h1,
                          long fingerprint) {

    /** A slug no place has. */
    public static final String BOGUS_SLUG = "zzq-no-such-place-7f3a";

    public MissingPage {
        getOutcome = getOutcome == null ? "" : getOutcome;
        finalUrl = finalUrl == null ? "" : finalUrl;
        title = title == null ? "" : title;
        h1 = h1 == null ? "" : h1;
    }

    /** HEAD answers 200 for anything, or is not supported: a HEAD 200 proves nothing, so guesses go straight to GET. */
    public boolean headIsAmbiguous() {
        return headStatus == 0 || (headStatus >= 200 && headStatus < 300) || headStatus == 405 || headStatus == 501;
    }

    /** The site answered the bogus URL with a page (after any redirects). */
    public boolean softNotFound() {
        return getOutcome.equals(FetchOutcome.OK.wireName());
    }

    public static MissingPage fromHead(String pattern, FetchResult head) {
        return new MissingPage(pattern, head.status(), "", "", "", "", 0);
    }

    public MissingPage withGet(FetchResult get, PageAnalysis page) {
        long fp = page == null ? 0 : ListingFingerprint.of(ListingFingerprint.storiesOf(page)).hash();
        return new MissingPage(pattern, headStatus, get.outcome().wireName(), get.finalUrl(),
                page == null ? "" : page.title(), page == null ? "" : page.h1(), fp);
    }

    /** Whether a guessed page is this site's "not found" page again. */
    public boolean sameAs(PageAnalysis page) {
        if (!softNotFound()) {
            return false;
        }
        long fp = ListingFingerprint.of(ListingFingerprint.storiesOf(page)).hash();
        if (fingerprint != 0 && fp == fingerprint) {
            return true;
        }
        return !title.isBlank() && title.equals(page.title()) && h1.equals(page.h1());
    }
}
