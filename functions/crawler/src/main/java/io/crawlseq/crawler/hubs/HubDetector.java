package io.crawlseq.crawler.hubs;

import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.gazetteer.Place;
import io.crawlseq.crawler.gazetteer.PlaceKind;
import io.crawlseq.crawler.gazetteer.PlaceMatch;
import io.crawlseq.crawler.gazetteer.SlugContext;
import io.crawlseq.crawler.gazetteer.SlugResolution;
import io.crawlseq.crawler.gazetteer.Slugs;
import io.crawlseq.crawler.page.Link;
import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.UrlShapes;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds hubs on one site from the pages fed to it, incrementally: add pages as they are fetched
 * ({@link #addPage}, {@link #addFetch}), ask for the current hubs at any time ({@link #hubs}), export
 * the state to continue later ({@link #exportState}, {@link #restore}).
 *
 * <p>Every same-site link that could be a hub (not a story, not a query, not the front page)
 * becomes a candidate; the detector counts where it is linked from and, once the candidate's own
 * page is added, what that page shows. Scoring classifies each candidate (author, tag, place,
 * topic) and adds up the {@link Signals} for its kind ({@link HubScoring}). Thread-safe.
 *
 * <pre>{@code
 * HubDetector detector = new HubDetector(startUrl);
 * detector.addPage(analyzer.analyze(fetchResult));
 * List<Hub> countries = detector.hubs(0.6, Set.of(HubKind.COUNTRY));
 * }</pre>
 */
public final class HubDetector {

    /** Candidates kept at most (a crawl of a huge site stops adding new ones). */
    public static final int MAX_CANDIDATES = 100_000;

    private static final Set<String> FRONT_PAGES = Set.of("news", "home", "index", "default", "main", "frontpage");
    private static final Pattern PATH_PAGE = Pattern.compile("/(?:page|p|pagina|seite)/\\d{1,6}/?$");
    private static final Pattern ASSET = Pattern.compile(
            "\\.(?:jpe?g|png|gif|webp|svg|ico|css|js|json|xml|rss|atom|pdf|zip|gz|mp3|mp4|m4a|webm|woff2?|ttf|txt)$",
            Pattern.CASE_INSENSITIVE);

    private final WebUrl site;
    private final SiteScope scope;
    private final Gazetteer gazetteer;
    private final List<HubSignal> signals;
    private final UrlNormalizer normalizer = UrlNormalizer.standard();
    private final Map<String, Aggregate> candidates = new LinkedHashMap<>();
    private final Set<Long> pagesSeen = new HashSet<>();
    private final Map<String, Optional<PlaceReading>> placeCache = new HashMap<>();
    /** Target URL → candidates that redirect to it (their links count for the target). */
    private final Map<String, List<String>> redirectedFrom = new HashMap<>();

    public HubDetector(WebUrl site) {
        this(site, Gazetteer.standard(), Signals.standard(Gazetteer.standard()));
    }

    public HubDetector(WebUrl site, Gazetteer gazetteer, List<HubSignal> signals) {
        this.site = normalizer.normalize(site).orElseThrow();
        this.scope = SiteScope.of(this.site);
        this.gazetteer = gazetteer;
        this.signals = List.copyOf(signals);
    }

    public WebUrl site() {
        return site;
    }

    /** Mutable knowledge about one candidate. */
    private static final class Aggregate {
        final String url;
        int sources;
        final Map<String, Integer> locations = new TreeMap<>();
        final Map<String, Integer> anchors = new LinkedHashMap<>();
        boolean fromHome;
        boolean fromListing;
        PageSummary page;
        String failure;
        String redirectsTo;

        Aggregate(String url) {
            this.url = url;
        }

        CandidateState state() {
            return new CandidateState(url, sources, Map.copyOf(locations), Map.copyOf(anchors), fromHome, fromListing,
                    page, failure, redirectsTo);
        }

        static Aggregate of(CandidateState s) {
            Aggregate a = new Aggregate(s.url());
            a.sources = s.sources();
            a.locations.putAll(s.locations());
            a.anchors.putAll(s.anchors());
            a.fromHome = s.fromHome();
            a.fromListing = s.fromListing();
            a.page = s.page();
            a.failure = s.failure();
            a.redirectsTo = s.redirectsTo();
            return a;
        }

        String bestAnchor() {
            String best = "";
            int count = 0;
            for (Map.Entry<String, Integer> e : anchors.entrySet()) {
                if (e.getValue() > count) {
                    best = e.getKey();
                    count = e.getValue();
                }
            }
            return best;
        }
    }

    // --- feeding ------------------------------------------------------------------------------------

    /** Adds the result of fetching a URL: its page (when OK), a redirect, or a failure. */
    public synchronized void addFetch(FetchResult result, PageAnalysis page) {
        if (result.outcome() == FetchOutcome.OK && page != null) {
            String requested = key(result.url());
            String finalUrl = key(result.finalUrl());
            if (requested != null && finalUrl != null && !requested.equals(finalUrl)) {
                Aggregate from = candidate(requested);
                if (from != null && from.redirectsTo == null) {
                    from.redirectsTo = finalUrl;
                    redirectedFrom.computeIfAbsent(finalUrl, k -> new ArrayList<>()).add(requested);
                }
            }
            addPage(page);
        } else if (result.outcome().isFailure()) {
            String requested = key(result.url());
            Aggregate a = requested == null ? null : candidate(requested);
            if (a != null) {
                a.failure = result.outcome().wireName() + (result.status() > 0 ? " " + result.status() : "");
            }
        }
    }

    /** Adds a fetched page: what it is, and where it links. Adding the same page again only refreshes its facts. */
    public synchronized void addPage(PageAnalysis page) {
        String pageUrl = key(page.url());
        if (pageUrl == null) {
            return;
        }
        PageSummary summary = PageSummary.of(page);
        Aggregate self = candidate(pageUrl);
        if (self != null) {
            self.page = summary;
            self.failure = null;
        }
        if (!pagesSeen.add(fingerprint(pageUrl))) {
            return;
        }
        boolean home = isFront(UrlParser.parse(pageUrl).orElseThrow());
        boolean listing = summary.isListing();
        Map<String, EnumMap<LinkLocation, Boolean>> targets = new LinkedHashMap<>();
        Map<String, List<String>> texts = new HashMap<>();
        for (Link link : page.links()) {
            if (link.url().equals(pageUrl)) {
                continue;
            }
            targets.computeIfAbsent(link.url(), u -> new EnumMap<>(LinkLocation.class)).put(link.location(), true);
            if (!link.text().isBlank()) {
                texts.computeIfAbsent(link.url(), u -> new ArrayList<>()).add(link.text());
            }
        }
        for (Map.Entry<String, EnumMap<LinkLocation, Boolean>> target : targets.entrySet()) {
            Aggregate a = candidate(target.getKey());
            if (a == null) {
                continue;
            }
            a.sources++;
            for (LinkLocation location : target.getValue().keySet()) {
                a.locations.merge(location.name(), 1, Integer::sum);
                boolean content = location == LinkLocation.MAIN || location == LinkLocation.ARTICLE_CARD
                        || location == LinkLocation.BODY || location == LinkLocation.ASIDE;
                a.fromListing |= listing && content;
            }
            a.fromHome |= home;
            for (String text : texts.getOrDefault(target.getKey(), List.of())) {
                if (a.anchors.containsKey(text) || a.anchors.size() < 8) {
                    a.anchors.merge(text, 1, Integer::sum);
                }
            }
        }
    }

    /** The candidate for a URL, created if the URL may be a hub; null when it cannot be one. */
    private Aggregate candidate(String url) {
        Aggregate existing = candidates.get(url);
        if (existing != null) {
            return existing;
        }
        if (candidates.size() >= MAX_CANDIDATES || !mayBeHub(url)) {
            return null;
        }
        Aggregate created = new Aggregate(url);
        candidates.put(url, created);
        return created;
    }

    private boolean mayBeHub(String url) {
        WebUrl u = UrlParser.parse(url).toOptional().orElse(null);
        if (u == null || !scope.contains(u) || u.query() != null || isFront(u)) {
            return false;
        }
        String path = u.path();
        return !PATH_PAGE.matcher(path).find() && !ASSET.matcher(path).find() && !UrlShapes.isDatedPath(path)
                && !UrlShapes.hasArticleId(path);
    }

    private static boolean isFront(WebUrl u) {
        List<String> segments = u.pathSegments();
        return segments.isEmpty() || (segments.size() == 1 && FRONT_PAGES.contains(segments.get(0).toLowerCase(Locale.ROOT)));
    }

    private String key(String url) {
        return normalizer.key(null, url);
    }

    // --- reading ------------------------------------------------------------------------------------

    /** Hubs (and author/tag pages) at or above {@code minConfidence}, best first. */
    public synchronized List<Hub> hubs(double minConfidence) {
        return hubs(minConfidence, Set.of(HubKind.values()));
    }

    /** Hubs of the given kinds at or above {@code minConfidence}, best first. */
    public synchronized List<Hub> hubs(double minConfidence, Set<HubKind> kinds) {
        List<Hub> hubs = new ArrayList<>();
        for (Aggregate a : candidates.values()) {
            assess(a).filter(h -> kinds.contains(h.kind()) && h.confidence() >= minConfidence).ifPresent(hubs::add);
        }
        hubs.sort(Comparator.comparingDouble(Hub::confidence).reversed().thenComparing(Hub::url));
        return hubs;
    }

    /** The detector's view of one URL (any confidence), or empty when it is not a candidate. */
    public synchronized Optional<Hub> assess(String url) {
        String k = key(url);
        Aggregate a = k == null ? null : candidates.get(k);
        return a == null ? Optional.empty() : assess(a);
    }

    /**
     * Candidates of the given kinds not fetched yet whose score from links alone reaches
     * {@code minConfidence}: the URLs worth fetching to verify. In discovery order.
     */
    public synchronized List<String> unverified(Set<HubKind> kinds, double minConfidence) {
        List<String> urls = new ArrayList<>();
        for (Aggregate a : candidates.values()) {
            if (a.page == null && a.failure == null && a.redirectsTo == null) {
                assess(a).filter(h -> kinds.contains(h.kind()) && h.confidence() >= minConfidence)
                        .ifPresent(h -> urls.add(h.url()));
            }
        }
        return urls;
    }

    public synchronized int candidateCount() {
        return candidates.size();
    }

    /** Whether a URL could be a hub at all (same site, no query, not a story URL, not the front page). */
    public boolean isCandidateUrl(String url) {
        String k = key(url);
        return k != null && mayBeHub(k);
    }

    private Optional<Hub> assess(Aggregate a) {
        if (a.redirectsTo != null) {
            return Optional.empty();
        }
        WebUrl url = UrlParser.parse(a.url).orElseThrow();
        List<String> segments = new ArrayList<>();
        for (String s : url.pathSegments()) {
            segments.add(Slugs.fromPathSegment(s));
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Aggregate merged = withRedirectedLinks(a);
        String anchor = merged.bestAnchor();
        CandidateState state = merged.state();
        HubKind kind;
        PlaceReading place = null;
        String topic = null;
        if (UrlPatterns.hasMarker(segments, UrlPatterns.AUTHOR_MARKERS) || (a.page != null && a.page.profile())) {
            kind = HubKind.AUTHOR;
        } else if (UrlPatterns.hasMarker(segments, UrlPatterns.TAG_MARKERS)) {
            kind = HubKind.TAG;
        } else {
            place = readPlace(a.url, url, anchor).orElse(null);
            if (place != null) {
                kind = placeKind(place.place().kind());
            } else {
                topic = Topics.key(segments.get(segments.size() - 1));
                kind = parentPlace(url).isPresent() ? HubKind.PLACE_TOPIC : HubKind.TOPIC;
                if (kind == HubKind.PLACE_TOPIC) {
                    place = parentPlace(url).get();
                }
            }
        }
        CandidateFacts facts = new CandidateFacts(url, List.copyOf(segments), kind, place, topic, state, anchor);
        List<Evidence> evidence = new ArrayList<>();
        for (HubSignal signal : signals) {
            if (signal.appliesTo(kind)) {
                signal.evaluate(facts).ifPresent(evidence::add);
            }
        }
        evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())).thenComparing(Evidence::signal));
        double confidence = HubScoring.confidence(HubScoring.sum(evidence));
        boolean verified = a.page != null && (kind.isHub() ? a.page.isListing() && !a.page.article() : !a.page.article());
        Place p = place == null ? null : place.place();
        String iso2 = p == null || p.iso2().isEmpty() ? null : p.iso2();
        String name = nameOf(kind, p, anchor, a.page, segments);
        return Optional.of(new Hub(a.url, kind, iso2, topic, name, p == null ? null : p.placeId(), confidence, verified,
                evidence));
    }

    /** The candidate with the links of URLs that redirect to it ({@code /uk} → {@code /uk-news}) added in. */
    private Aggregate withRedirectedLinks(Aggregate a) {
        List<String> aliases = redirectedFrom.get(a.url);
        if (aliases == null) {
            return a;
        }
        Aggregate merged = Aggregate.of(a.state());
        for (String alias : aliases) {
            Aggregate from = candidates.get(alias);
            if (from == null) {
                continue;
            }
            merged.sources += from.sources;
            from.locations.forEach((k, v) -> merged.locations.merge(k, v, Integer::sum));
            from.anchors.forEach((k, v) -> merged.anchors.merge(k, v, Integer::sum));
            merged.fromHome |= from.fromHome;
            merged.fromListing |= from.fromListing;
        }
        return merged;
    }

    private static HubKind placeKind(PlaceKind kind) {
        return switch (kind) {
            case COUNTRY -> HubKind.COUNTRY;
            case ADMIN1 -> HubKind.REGION;
            case CITY -> HubKind.CITY;
            case WORLD_REGION -> HubKind.PLACE;
        };
    }

    private static String nameOf(HubKind kind, Place place, String anchor, PageSummary page, List<String> segments) {
        if (place != null && kind.isPlace()) {
            return place.name();
        }
        if (!anchor.isBlank()) {
            return anchor;
        }
        if (page != null && !page.h1().isBlank()) {
            return page.h1();
        }
        String last = segments.get(segments.size() - 1).replace('-', ' ');
        return last.isEmpty() ? last : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    /** The place named by the last segment, with earlier segments as context (cached per URL and anchor). */
    private Optional<PlaceReading> readPlace(String key, WebUrl url, String anchor) {
        return placeCache.computeIfAbsent(key + "\n" + anchor, k -> {
            List<String> raw = url.pathSegments();
            List<Place> parents = parents(raw);
            SlugContext context = SlugContext.none().withParents(parents).withAnchorText(anchor);
            SlugResolution resolution = gazetteer.resolve(raw.get(raw.size() - 1), context);
            Optional<PlaceMatch> best = resolution.best();
            if (best.isEmpty() || best.get().score() < 0.45) {
                return Optional.empty();
            }
            return Optional.of(new PlaceReading(best.get(), resolution, parents));
        });
    }

    /** Places named (unambiguously) by all segments but the last. */
    private List<Place> parents(List<String> raw) {
        List<Place> parents = new ArrayList<>();
        for (int i = 0; i < raw.size() - 1; i++) {
            SlugResolution r = gazetteer.resolve(raw.get(i), SlugContext.none().withParents(parents));
            r.best().filter(m -> m.score() >= 0.6 && !r.ambiguous()).ifPresent(m -> parents.add(m.place()));
        }
        return parents;
    }

    /**
     * For {@code /uk/politics} and {@code /world/europe/business}: the place a parent segment names,
     * when the last segment names none. The nearest parent wins ({@code /world/europe/france/business}
     * is about France).
     */
    private Optional<PlaceReading> parentPlace(WebUrl url) {
        List<String> raw = url.pathSegments();
        for (int i = raw.size() - 2; i >= 0; i--) {
            SlugResolution r = gazetteer.resolve(raw.get(i), SlugContext.none().withParents(parents(raw.subList(0, i + 1))));
            Optional<PlaceMatch> best = r.best();
            if (best.isPresent() && best.get().score() >= 0.6) {
                return Optional.of(new PlaceReading(best.get(), r, List.of()));
            }
        }
        return Optional.empty();
    }

    // --- state --------------------------------------------------------------------------------------

    public synchronized HubDetectorState exportState() {
        List<CandidateState> states = new ArrayList<>();
        for (Aggregate a : candidates.values()) {
            states.add(a.state());
        }
        List<Long> seen = new ArrayList<>(pagesSeen);
        seen.sort(null);
        return new HubDetectorState(1, site.toString(), seen, states);
    }

    /** A detector that continues from an exported state. */
    public static HubDetector restore(HubDetectorState state) {
        UrlResult siteUrl = UrlNormalizer.standard().normalize(state.site());
        HubDetector detector = new HubDetector(siteUrl.orElseThrow());
        for (CandidateState c : state.candidates()) {
            detector.candidates.put(c.url(), Aggregate.of(c));
            if (c.redirectsTo() != null) {
                detector.redirectedFrom.computeIfAbsent(c.redirectsTo(), k -> new ArrayList<>()).add(c.url());
            }
        }
        detector.pagesSeen.addAll(state.pagesSeen());
        return detector;
    }

    static long fingerprint(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
