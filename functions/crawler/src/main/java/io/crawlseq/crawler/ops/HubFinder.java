package io.crawlseq.crawler.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlProgress;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.crawl.CrawledPage;
import io.crawlseq.crawler.crawl.UrlFilters;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubDetector;
import io.crawlseq.crawler.hubs.HubDetectorState;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.page.Link;
import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.page.UrlShapes;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapEntry;
import io.crawlseq.crawler.sitemap.SitemapOptions;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The core of ensureCountryHubs, findTopicHubs and siteExplorer: crawls a site's structure (its
 * navigation and listings, not its stories), feeds every page to a {@link HubDetector}, then
 * fetches the remaining promising candidates to verify them, and reports the hubs of the kinds
 * asked for. Works to a deadline and continues from {@link State} with the same result.
 *
 * <pre>{@code
 * HubFinder.Result r = HubFinder.find(crawler, startUrl, HubFinder.Options.countryHubs());
 * r.hubs();                       // country hubs, best first
 * if (r.partial()) save(r.state().toJson());   // and later: HubFinder.resume(crawler, options, state)
 * }</pre>
 */
public final class HubFinder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private HubFinder() {
    }

    /**
     * What to look for and the limits.
     *
     * @param kinds          hub kinds reported
     * @param minConfidence  hubs below are not reported
     * @param countries      only these ISO codes for place kinds (empty: all); also decides {@link Result#missing()}
     * @param maxDepth       link depth of the structure crawl
     * @param maxDownloads   pages fetched at most (structure crawl and verification together)
     * @param concurrency    requests in flight
     * @param deadlineMillis clock time after which no new request starts ({@link Long#MAX_VALUE}: none)
     * @param verify         fetch unvisited candidates to verify them
     * @param useSitemaps    seed the crawl with non-story URLs from the sitemaps
     * @param extraSeeds     more pages to start from (known hubs whose sub-hubs are wanted: a country's
     *                       hub for its regions and cities), after the start page
     */
    public record Options(Set<HubKind> kinds, double minConfidence, Set<String> countries, int maxDepth,
                          long maxDownloads, int concurrency, long deadlineMillis, boolean verify, boolean useSitemaps,
                          List<String> extraSeeds) {

        public Options {
            extraSeeds = extraSeeds == null ? List.of() : List.copyOf(extraSeeds);
            kinds = Set.copyOf(kinds);
            countries = Set.copyOf(countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
        }

        public static Options of(Set<HubKind> kinds) {
            return new Options(kinds, 0.6, Set.of(), 4, 500, 4, Long.MAX_VALUE, true, true, List.of());
        }

        /** Country hubs. */
        public static Options countryHubs() {
            return of(Set.of(HubKind.COUNTRY));
        }

        /** Topic (section) hubs. */
        public static Options topicHubs() {
            return of(Set.of(HubKind.TOPIC));
        }

        /** Everything: hubs of every kind plus author and tag pages (siteExplorer). */
        public static Options everything() {
            return of(Set.of(HubKind.values()));
        }

        public Options minConfidence(double value) {
            return new Options(kinds, value, countries, maxDepth, maxDownloads, concurrency, deadlineMillis, verify, useSitemaps,
                    extraSeeds);
        }

        public Options countries(Set<String> value) {
            return new Options(kinds, minConfidence, value, maxDepth, maxDownloads, concurrency, deadlineMillis, verify,
                    useSitemaps, extraSeeds);
        }

        public Options limits(int depth, long downloads, int requestsInFlight) {
            return new Options(kinds, minConfidence, countries, depth, downloads, requestsInFlight, deadlineMillis, verify,
                    useSitemaps, extraSeeds);
        }

        public Options deadline(long clockMillis) {
            return new Options(kinds, minConfidence, countries, maxDepth, maxDownloads, concurrency, clockMillis, verify,
                    useSitemaps, extraSeeds);
        }

        public Options verify(boolean value) {
            return new Options(kinds, minConfidence, countries, maxDepth, maxDownloads, concurrency, deadlineMillis, value,
                    useSitemaps, extraSeeds);
        }

        public Options extraSeeds(List<String> value) {
            return new Options(kinds, minConfidence, countries, maxDepth, maxDownloads, concurrency, deadlineMillis, verify,
                    useSitemaps, value);
        }

        public Options useSitemaps(boolean value) {
            return new Options(kinds, minConfidence, countries, maxDepth, maxDownloads, concurrency, deadlineMillis, verify,
                    value, extraSeeds);
        }
    }

    /** A link in the start page's navigation (header, nav, breadcrumb), in page order. */
    public record NavLink(String url, String text) {
    }

    /** Where a search stands, to continue it in a later invocation. Goes to JSON and back. */
    public record State(String site, String phase, long phaseBudget, FrontierState frontier, HubDetectorState detector,
                        List<NavLink> startNavigation) {

        public State {
            startNavigation = startNavigation == null ? List.of() : List.copyOf(startNavigation);
        }

        public String toJson() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("state is always serialisable", e);
            }
        }

        public static State fromJson(String json) throws JsonProcessingException {
            return JSON.readValue(json, State.class);
        }
    }

    /**
     * @param hubs     hubs of the requested kinds at or above minConfidence, best first
     * @param missing  requested countries without a hub (country searches with a country list)
     * @param partial  the deadline came first: continue with {@link #state()}
     * @param progress counters of the last crawl phase (cumulative within the phase)
     * @param state    where to continue
     */
    public record Result(List<Hub> hubs, List<String> missing, boolean partial, CrawlProgress progress, State state) {

        public long verifiedCount() {
            return hubs.stream().filter(Hub::verified).count();
        }
    }

    private static final String STRUCTURE = "structure";
    private static final String VERIFY = "verify";
    private static final String DONE = "done";

    public static Result find(Crawler crawler, WebUrl site, Options options) {
        return find(crawler, site, options, p -> { });
    }

    public static Result find(Crawler crawler, WebUrl site, Options options, Consumer<CrawlProgress> progress) {
        HubDetector detector = new HubDetector(site);
        List<NavLink> navigation = new ArrayList<>();
        List<String> seeds = new ArrayList<>();
        seeds.add(site.toString());
        seeds.addAll(options.extraSeeds());
        if (options.useSitemaps()) {
            seeds.addAll(sitemapSeeds(crawler, site, detector));
        }
        CrawlOptions crawlOptions = structureOptions(site, options).seeds(seeds);
        Crawl crawl = Crawl.start(crawler, crawlOptions, handler(site, detector, options, progress, navigation));
        return continueFrom(crawler, site, options, detector, STRUCTURE, options.maxDownloads(), crawl.run(), progress,
                navigation);
    }

    /** Continues a search from the state of an earlier, partial result. */
    public static Result resume(Crawler crawler, Options options, State state, Consumer<CrawlProgress> progress) {
        WebUrl site = crawler.normalizer().normalize(state.site()).orElseThrow();
        HubDetector detector = HubDetector.restore(state.detector());
        List<NavLink> navigation = new ArrayList<>(state.startNavigation());
        if (state.phase().equals(DONE)) {
            return result(detector, options, false, null, state);
        }
        CrawlOptions crawlOptions = state.phase().equals(STRUCTURE) ? structureOptions(site, options)
                : verifyOptions(site, options, List.of(), state.phaseBudget());
        CrawlReport report = Crawl.resume(crawler, crawlOptions, handler(site, detector, options, progress, navigation),
                state.frontier()).run();
        return continueFrom(crawler, site, options, detector, state.phase(), state.phaseBudget(), report, progress,
                navigation);
    }

    private static Result continueFrom(Crawler crawler, WebUrl site, Options options, HubDetector detector, String phase,
                                       long phaseBudget, CrawlReport report, Consumer<CrawlProgress> progress,
                                       List<NavLink> navigation) {
        while (true) {
            if (report.isPartial()) {
                return result(detector, options, true, report.progress(),
                        new State(site.toString(), phase, phaseBudget, report.state(), detector.exportState(), navigation));
            }
            if (phase.equals(STRUCTURE) && options.verify()) {
                List<String> unverified = detector.unverified(options.kinds(), 0.3);
                long used = report.progress().downloads();
                long left = Math.max(0, options.maxDownloads() - used);
                if (!unverified.isEmpty() && left > 0) {
                    phase = VERIFY;
                    phaseBudget = left;
                    CrawlOptions verifyOptions = verifyOptions(site, options, unverified, left);
                    report = Crawl.start(crawler, verifyOptions, handler(site, detector, options, progress, navigation)).run();
                    continue;
                }
            }
            return result(detector, options, false, report.progress(),
                    new State(site.toString(), DONE, 0, report.state(), detector.exportState(), navigation));
        }
    }

    private static CrawlOptions structureOptions(WebUrl site, Options options) {
        SiteScope scope = SiteScope.of(site);
        return new CrawlOptions(List.of(site.toString()), options.maxDepth(), options.maxDownloads(),
                options.concurrency(), options.deadlineMillis(), UrlFilters.standard(scope, options.maxDepth()),
                scope::contains, 1000);
    }

    /** Fetches the given candidates only (depth 0), within what is left of the download budget. */
    private static CrawlOptions verifyOptions(WebUrl site, Options options, List<String> seeds, long budget) {
        SiteScope scope = SiteScope.of(site);
        return new CrawlOptions(seeds, 0, budget, options.concurrency(), options.deadlineMillis(),
                UrlFilters.standard(scope, 0), scope::contains, 1000);
    }

    /** Feeds the detector; follows links that may be hubs, skipping stories, footers, queries and pages of kinds not asked for. */
    private static CrawlHandler handler(WebUrl site, HubDetector detector, Options options, Consumer<CrawlProgress> progress,
                                        List<NavLink> navigation) {
        boolean wantAuthors = options.kinds().contains(HubKind.AUTHOR);
        boolean wantTags = options.kinds().contains(HubKind.TAG);
        return new CrawlHandler() {
            @Override
            public List<String> onPage(CrawledPage page) {
                detector.addFetch(page.result(), page.analysis());
                if (page.analysis() == null || page.analysis().isArticle()) {
                    return List.of();
                }
                if (navigation.isEmpty() && page.url().equals(site.toString())) {
                    for (Link link : page.analysis().links()) {
                        if (link.location().isNavigation()
                                && navigation.stream().noneMatch(n -> n.url().equals(link.url()))) {
                            navigation.add(new NavLink(link.url(), link.text()));
                        }
                    }
                }
                Set<String> follow = new LinkedHashSet<>();
                if (wantAuthors || wantTags) {
                    follow.addAll(sampleStories(page));
                }
                for (Link link : page.analysis().links()) {
                    if (link.nofollow() || link.location() == LinkLocation.FOOTER || !detector.isCandidateUrl(link.url())) {
                        continue;
                    }
                    WebUrl url = UrlParser.parse(link.url()).toOptional().orElse(null);
                    if (url == null || UrlShapes.looksLikeArticle(url) || UrlShapes.looksLikeLiveBlog(url)) {
                        continue;
                    }
                    detector.assess(link.url()).ifPresent(h -> {
                        boolean unwanted = (h.kind() == HubKind.AUTHOR && !wantAuthors) || (h.kind() == HubKind.TAG && !wantTags);
                        boolean hopeless = h.confidence() < 0.02;
                        if (!unwanted && !hopeless) {
                            follow.add(link.url());
                        }
                    });
                }
                return new ArrayList<>(follow);
            }

            @Override
            public void onProgress(CrawlProgress p) {
                progress.accept(p);
            }
        };
    }

    /** Stories per listing page opened to find bylines and tags (author and tag pages are linked from stories). */
    static final int STORIES_SAMPLED_PER_LISTING = 2;

    private static List<String> sampleStories(CrawledPage page) {
        List<String> stories = new ArrayList<>();
        for (Link link : page.analysis().links()) {
            if (stories.size() >= STORIES_SAMPLED_PER_LISTING) {
                break;
            }
            boolean content = link.location() == LinkLocation.ARTICLE_CARD || link.location() == LinkLocation.MAIN;
            WebUrl url = UrlParser.parse(link.url()).toOptional().orElse(null);
            if (content && !link.nofollow() && url != null && UrlShapes.looksLikeArticle(url)
                    && !UrlShapes.looksLikeLiveBlog(url) && !stories.contains(link.url())) {
                stories.add(link.url());
            }
        }
        return stories;
    }

    /** Non-story same-site URLs from the sitemaps (section sitemaps often list every hub). */
    private static List<String> sitemapSeeds(Crawler crawler, WebUrl site, HubDetector detector) {
        SitemapDiscovery found = crawler.sitemaps(site, SitemapOptions.defaults().maxSitemaps(20).maxUrls(20_000));
        List<String> seeds = new ArrayList<>();
        for (SitemapEntry entry : found.entries()) {
            if (entry.isNews() || !detector.isCandidateUrl(entry.url())) {
                continue;
            }
            WebUrl url = UrlParser.parse(entry.url()).toOptional().orElse(null);
            if (url != null && !UrlShapes.looksLikeArticle(url) && !UrlShapes.looksLikeLiveBlog(url) && seeds.size() < 2000) {
                seeds.add(entry.url());
            }
        }
        return seeds;
    }

    private static Result result(HubDetector detector, Options options, boolean partial, CrawlProgress progress, State state) {
        List<Hub> hubs = new ArrayList<>();
        for (Hub hub : detector.hubs(options.minConfidence(), options.kinds())) {
            boolean placed = hub.kind().isPlace() || hub.kind() == HubKind.PLACE_TOPIC;
            if (options.countries().isEmpty() || !placed
                    || (hub.iso2() != null && options.countries().contains(hub.iso2()))) {
                hubs.add(hub);
            }
        }
        Set<String> missing = new TreeSet<>(options.countries());
        for (Hub hub : hubs) {
            if (hub.kind() == HubKind.COUNTRY) {
                missing.remove(hub.iso2());
            }
        }
        return new Result(hubs, List.copyOf(missing), partial, progress, state);
    }
}
