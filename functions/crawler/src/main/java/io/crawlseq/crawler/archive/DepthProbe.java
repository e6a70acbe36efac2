package io.crawlseq.crawler.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.ops.StateJson;
import io.crawlseq.crawler.ops.Stepwise;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.PageAnalyzer;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds how deep a hub's pagination goes (the core of hubDepthProbe) within a request budget.
 *
 * <ol>
 *   <li>Page 1 gives the scheme ({@link PageScheme}).</li>
 *   <li>A deliberately bogus page number shows what the site answers for pages that do not exist:
 *       404, a redirect, an empty template (soft 404), or stories after all, which means the site
 *       serves its last page or its first page for any number (a loop).</li>
 *   <li>Numbered schemes: pages 2, 4, 8... until one has no stories of its own, then a binary
 *       search between the last page with content and the first without. A page whose stories are
 *       those of another page is not a page of its own.</li>
 *   <li>Walked schemes ("older" links with cursors): the next links are followed one by one until
 *       none is left, one leads back, or the pages repeat.</li>
 * </ol>
 *
 * One {@link #step} is one fetch; the state goes to JSON and back between invocations.
 */
public final class DepthProbe implements Stepwise {

    /** A page number no archive reaches; what the site answers for it is what it answers for missing pages. */
    public static final int BOGUS_PAGE = 987_654;
    /** Consecutive transient failures (429, 503, timeouts) of one page before it counts as failed. */
    public static final int MAX_RETRIES = 3;

    /**
     * @param maxPage     the deepest page number to consider
     * @param maxRequests fetches to spend at most (cumulative over continuations)
     */
    public record Options(int maxPage, long maxRequests) {
        public Options {
            if (maxPage < 1 || maxRequests < 1) {
                throw new IllegalArgumentException("maxPage and maxRequests must be positive");
            }
        }
    }

    /** One page looked at: its number, what it was, its stories' fingerprint, whether it links further. */
    public record Probe(int page, String url, ArchivePage.Verdict verdict, long fingerprint, int stories,
                        boolean hasNext) {
    }

    /** Where a probe stands. Goes to JSON and back . */
    public record State(int version, String hubUrl, Options options, Phase phase, PageScheme scheme, int lo, int hi,
                        Long loopFingerprint, boolean loopDetected, String walkUrl, List<Probe> probed, int requests,
                        int retries, String stop) {

        public State {
            probed = List.copyOf(probed);
            stop = stop == null ? "" : stop;
        }

        public String toJson() {
            return StateJson.write(this);
        }

        public static State fromJson(String json) throws JsonProcessingException {
            return StateJson.read(json, State.class);
        }
    }

    public enum Phase { FIRST, BASELINE, DOUBLE, BINARY, WALK, DONE }

    /**
     * @param depth         the last page with stories of its own (0: the hub itself failed)
     * @param style         the registry's paginationStyle: query, path, olderLink, none
     * @param pagesProbed   fetches made
     * @param loopDetected  pages repeated each other, or a next link led back
     * @param exact         false when the budget ran out first: depth is then a lower bound
     * @param stop          why the probe ended, for humans
     */
    public record Result(String hubUrl, int depth, String style, int pagesProbed, boolean loopDetected, boolean exact,
                         String stop) {
    }

    private static final UrlNormalizer NORMALIZER = UrlNormalizer.standard();

    private final PageAnalyzer analyzer = new PageAnalyzer();
    private final String host;
    private State s;

    private DepthProbe(State state) {
        this.s = state;
        this.host = UrlParser.parse(state.hubUrl()).toOptional().map(u -> u.host()).orElse("");
    }

    public static DepthProbe start(String hubUrl, Options options) {
        return new DepthProbe(new State(1, hubUrl, options, Phase.FIRST, PageScheme.none(hubUrl), 1, 0, null, false,
                null, List.of(), 0, 0, ""));
    }

    public static DepthProbe resume(State state) {
        return new DepthProbe(state);
    }

    public State state() {
        return s;
    }

    @Override
    public boolean done() {
        return s.phase() == Phase.DONE;
    }

    @Override
    public String nextHost() {
        return host;
    }

    @Override
    public void step(Crawler crawler) {
        if (done()) {
            return;
        }
        if (s.requests() >= s.options().maxRequests()) {
            finish("request budget of " + s.options().maxRequests() + " spent", false);
            return;
        }
        switch (s.phase()) {
            case FIRST -> first(crawler);
            case BASELINE -> baseline(crawler);
            case DOUBLE -> doubling(crawler);
            case BINARY -> binary(crawler);
            case WALK -> walk(crawler);
            case DONE -> {
            }
        }
    }

    // --- phases -------------------------------------------------------------------------------------

    private void first(Crawler crawler) {
        Fetched f = fetch(crawler, s.hubUrl(), 1, PageScheme.none(s.hubUrl()));
        if (f == null) {
            return;
        }
        if (!f.page().verdict().hasContent()) {
            record(f.page());
            with(s.scheme(), 0, 0, null);
            finish("the hub page has no stories: " + f.page().detail(), true);
            return;
        }
        PageScheme scheme = PageScheme.detect(s.hubUrl(), f.analysis());
        record(f.page());
        if (scheme.kind() == PageScheme.Kind.NONE || s.options().maxPage() == 1) {
            with(scheme, 1, 0, null);
            finish(scheme.kind() == PageScheme.Kind.NONE ? "no pagination" : "maxPage is 1", true);
        } else if (scheme.randomAccess()) {
            with(scheme, 1, 0, null);
            phase(s.options().maxPage() < BOGUS_PAGE ? Phase.BASELINE : Phase.DOUBLE);
        } else {
            with(scheme, 1, 0, f.page().nextUrl());
            phase(Phase.WALK);
        }
    }

    /** Learns what the site answers for a page that cannot exist. */
    private void baseline(Crawler crawler) {
        Fetched f = fetch(crawler, s.scheme().urlFor(BOGUS_PAGE), BOGUS_PAGE, s.scheme());
        if (f == null) {
            return;
        }
        Long loop = f.page().verdict().hasContent() ? f.page().fingerprint().hash() : null;
        s = new State(s.version(), s.hubUrl(), s.options(), Phase.DOUBLE, s.scheme(), s.lo(), s.hi(), loop,
                s.loopDetected(), s.walkUrl(), s.probed(), s.requests(), s.retries(), s.stop());
    }

    private void doubling(Crawler crawler) {
        int page = Math.min(s.lo() * 2, s.options().maxPage());
        Fetched f = fetch(crawler, s.scheme().urlFor(page), page, s.scheme());
        if (f == null) {
            return;
        }
        Reading reading = readNumbered(f.page());
        record(f.page());
        if (reading == Reading.OWN_CONTENT) {
            bounds(page, 0);
            if (page >= s.options().maxPage()) {
                finish("reached maxPage " + s.options().maxPage(), true);
            }
            return;
        }
        if (reading == Reading.REPEATED) {
            narrowAfterLoop(page);
        } else {
            bounds(s.lo(), page);
        }
        searchOrFinish();
    }

    private void binary(Crawler crawler) {
        int page = s.lo() + (s.hi() - s.lo()) / 2;
        Fetched f = fetch(crawler, s.scheme().urlFor(page), page, s.scheme());
        if (f == null) {
            return;
        }
        Reading reading = readNumbered(f.page());
        record(f.page());
        if (reading == Reading.OWN_CONTENT) {
            bounds(page, s.hi());
        } else {
            bounds(s.lo(), page);
        }
        searchOrFinish();
    }

    private void walk(Crawler crawler) {
        String url = s.walkUrl();
        int page = s.lo() + 1;
        if (url == null || page > s.options().maxPage()) {
            finish(url == null ? "the last page links no further" : "reached maxPage " + s.options().maxPage(), true);
            return;
        }
        Fetched f = fetch(crawler, url, page, s.scheme());
        if (f == null) {
            return;
        }
        ArchivePage p = f.page();
        boolean repeated = p.verdict().hasContent() && fingerprintSeen(p.fingerprint().hash(), page);
        record(p);
        if (!p.verdict().hasContent()) {
            finish("page " + page + ": " + p.detail(), true);
        } else if (repeated) {
            loop();
            finish("page " + page + " lists the stories of an earlier page", true);
        } else if (p.nextUrl() == null) {
            bounds(page, 0);
            finish("page " + page + " links no further", true);
        } else if (urlSeen(p.nextUrl())) {
            bounds(page, 0);
            loop();
            finish("page " + page + " links back to an earlier page", true);
        } else {
            s = new State(s.version(), s.hubUrl(), s.options(), Phase.WALK, s.scheme(), page, 0, s.loopFingerprint(),
                    s.loopDetected(), p.nextUrl(), s.probed(), s.requests(), s.retries(), s.stop());
            if (page >= s.options().maxPage()) {
                finish("reached maxPage " + s.options().maxPage(), true);
            }
        }
    }

    // --- reading numbered pages ---------------------------------------------------------------------

    private enum Reading { OWN_CONTENT, REPEATED, MISSING }

    /** Content of its own, stories of another page (a loop), or no content at all. */
    private Reading readNumbered(ArchivePage page) {
        if (!page.verdict().hasContent()) {
            return Reading.MISSING;
        }
        long fp = page.fingerprint().hash();
        if ((s.loopFingerprint() != null && s.loopFingerprint() == fp) || fingerprintSeen(fp, page.page())) {
            if (s.loopFingerprint() == null) {
                s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), s.scheme(), s.lo(), s.hi(), fp,
                        s.loopDetected(), s.walkUrl(), s.probed(), s.requests(), s.retries(), s.stop());
            }
            loop();
            return Reading.REPEATED;
        }
        return Reading.OWN_CONTENT;
    }

    /**
     * A page repeated another: pages with the loop's stories are not pages of their own, so the last
     * page with content is the highest probed one with other stories, and the search continues below
     * the first probed page with the loop's stories.
     */
    private void narrowAfterLoop(int page) {
        long loop = s.loopFingerprint();
        int lo = 1;
        for (Probe p : s.probed()) {
            if (p.verdict().hasContent() && p.fingerprint() != loop && p.page() > lo && p.page() != DepthProbe.BOGUS_PAGE) {
                lo = p.page();
            }
        }
        int hi = page;
        for (Probe p : s.probed()) {
            if (p.page() > lo && p.page() < hi && (!p.verdict().hasContent() || p.fingerprint() == loop)) {
                hi = p.page();
            }
        }
        bounds(lo, hi);
    }

    private void searchOrFinish() {
        if (s.hi() - s.lo() > 1) {
            phase(Phase.BINARY);
            return;
        }
        int depth = s.lo();
        Probe last = probeOf(s.lo());
        Probe beyond = probeOf(s.hi());
        Probe first = probeOf(1);
        boolean clamped = beyond != null && s.loopFingerprint() != null && beyond.verdict().hasContent()
                && beyond.fingerprint() == s.loopFingerprint() && first != null && first.fingerprint() != s.loopFingerprint()
                && last != null && last.hasNext();
        if (clamped) {
            // the site serves its last page for every number beyond it: that first repeat is the real last page
            depth = s.hi();
        }
        bounds(depth, s.hi());
        finish(clamped ? "pages beyond " + depth + " repeat page " + depth
                : beyond == null ? "" : "page " + beyond.page() + ": " + describe(beyond), true);
    }

    private static String describe(Probe p) {
        return p.verdict().hasContent() ? "repeats an earlier page" : p.verdict().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
    }

    // --- fetching -----------------------------------------------------------------------------------

    private record Fetched(ArchivePage page, PageAnalysis analysis) {
    }

    /** Fetches one page; null when it failed transiently and will be asked again by the next step. */
    private Fetched fetch(Crawler crawler, String url, int page, PageScheme scheme) {
        UrlResult parsed = crawler.url(url);
        if (!(parsed instanceof UrlResult.Valid valid)) {
            countRequest(0);
            return new Fetched(new ArchivePage(page, url, ArchivePage.Verdict.FAILED, null, List.of(), null,
                    "invalid URL"), null);
        }
        FetchResult result = crawler.fetchOnce(FetchRequest.page(valid.url()));
        PageAnalysis analysis = result.isOk() ? analyzer.analyze(result) : null;
        ArchivePage read = ArchivePage.read(page, result, analysis, scheme);
        if (read.verdict() == ArchivePage.Verdict.RETRY && s.retries() + 1 < MAX_RETRIES) {
            countRequest(s.retries() + 1);
            return null;
        }
        countRequest(0);
        if (read.verdict() == ArchivePage.Verdict.RETRY) {
            read = new ArchivePage(page, url, ArchivePage.Verdict.FAILED, null, List.of(), null,
                    "kept failing: " + read.detail());
        }
        return new Fetched(read, analysis);
    }

    private void countRequest(int retries) {
        s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), s.scheme(), s.lo(), s.hi(), s.loopFingerprint(),
                s.loopDetected(), s.walkUrl(), s.probed(), s.requests() + 1, retries, s.stop());
    }

    // --- state updates ------------------------------------------------------------------------------

    private void record(ArchivePage page) {
        List<Probe> probed = new ArrayList<>(s.probed());
        probed.add(new Probe(page.page(), page.url(), page.verdict(), page.fingerprint().hash(), page.stories().size(),
                page.nextUrl() != null));
        s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), s.scheme(), s.lo(), s.hi(), s.loopFingerprint(),
                s.loopDetected(), s.walkUrl(), probed, s.requests(), s.retries(), s.stop());
    }

    private void with(PageScheme scheme, int lo, int hi, String walkUrl) {
        s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), scheme, lo, hi, s.loopFingerprint(),
                s.loopDetected(), walkUrl, s.probed(), s.requests(), s.retries(), s.stop());
    }

    private void bounds(int lo, int hi) {
        s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), s.scheme(), lo, hi, s.loopFingerprint(),
                s.loopDetected(), s.walkUrl(), s.probed(), s.requests(), s.retries(), s.stop());
    }

    private void loop() {
        s = new State(s.version(), s.hubUrl(), s.options(), s.phase(), s.scheme(), s.lo(), s.hi(), s.loopFingerprint(),
                true, s.walkUrl(), s.probed(), s.requests(), s.retries(), s.stop());
    }

    private void phase(Phase phase) {
        s = new State(s.version(), s.hubUrl(), s.options(), phase, s.scheme(), s.lo(), s.hi(), s.loopFingerprint(),
                s.loopDetected(), s.walkUrl(), s.probed(), s.requests(), s.retries(), s.stop());
    }

    private void finish(String why, boolean exact) {
        s = new State(s.version(), s.hubUrl(), s.options(), Phase.DONE, s.scheme(), s.lo(), s.hi(), s.loopFingerprint(),
                s.loopDetected(), s.walkUrl(), s.probed(), s.requests(), s.retries(), (exact ? "" : "incomplete: ") + why);
    }

    private boolean fingerprintSeen(long fp, int exceptPage) {
        for (Probe p : s.probed()) {
            if (p.page() != exceptPage && p.page() != BOGUS_PAGE && p.verdict().hasContent() && p.fingerprint() == fp) {
                return true;
            }
        }
        return false;
    }

    private boolean urlSeen(String url) {
        String key = NORMALIZER.key(null, url);
        key = key == null ? url : key;
        for (Probe p : s.probed()) {
            if (p.url().equals(key) || p.url().equals(url)) {
                return true;
            }
        }
        return key.equals(s.hubUrl());
    }

    private Probe probeOf(int page) {
        Probe found = null;
        for (Probe p : s.probed()) {
            if (p.page() == page) {
                found = p;
            }
        }
        return found;
    }

    public Result result() {
        boolean exact = !s.stop().startsWith("incomplete: ");
        return new Result(s.hubUrl(), s.phase() == Phase.FIRST ? 0 : s.lo(), s.scheme().kind().wireName(), s.requests(),
                s.loopDetected(), exact, s.stop());
    }
}
