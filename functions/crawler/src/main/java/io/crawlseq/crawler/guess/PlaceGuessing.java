package io.crawlseq.crawler.guess;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.archive.NotFoundText;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.hubs.Evidence;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubDetector;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.hubs.HubScoring;
import io.crawlseq.crawler.ops.StateJson;
import io.crawlseq.crawler.ops.Stepwise;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.PageAnalyzer;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The core of guessPlaceHubs: learns the site's hub URL patterns from the hubs already known
 * ({@link PatternLearner}), plans guesses for places without a hub ({@link GuessPlanner}), and
 * verifies them over HTTP, one request per {@link #step}:
 *
 * <ul>
 *   <li>before the first guess of a pattern, a deliberately bogus URL of that pattern shows what the
 *       site answers for a hub that does not exist ({@link MissingPage});</li>
 *   <li>where that answer is a real 404 or a redirect, a guess starts with HEAD: 404 or a redirect
 *       elsewhere is a miss for one request; 2xx goes on to GET. Where HEAD answers 200 for anything,
 *       or is not supported (405/501), guesses go straight to GET;</li>
 *   <li>the GET's page is a miss when it redirected away, says it is not found, or is the site's
 *       missing page again (same title and heading, or the same stories); otherwise it is scored by the
 *       {@link HubDetector} on its own content, plus the pattern's support, and is a hit at
 *       {@code minConfidence};</li>
 *   <li>429, 503 and timeouts defer the guess (the host is slowed down and paused for its
 *       Retry-After by the crawler); after {@value #MAX_DEFERRALS} deferrals it stays unverified.</li>
 * </ul>
 *
 * At most {@code limit} guesses are attempted; the state goes to JSON and back between invocations.
 */
public final class PlaceGuessing implements Stepwise {

    /** Transient failures of one guess before it is given up as unverified. */
    public static final int MAX_DEFERRALS = 3;
    /** Transient failures of a bogus-URL probe before its answer is taken as it is. */
    static final int MAX_BASELINE_RETRIES = 3;

    /**
     * @param kinds         country, region and/or city
     * @param limit         guesses to attempt at most
     * @param minConfidence a verified guess scoring below this is a miss
     * @param country       only places in this country (ISO code), or null
     * @param maxRequests   HTTP requests at most (probes included; cumulative over continuations)
     */
    public record Options(Set<HubKind> kinds, int limit, double minConfidence, String country, long maxRequests) {

        public Options {
            kinds = Set.copyOf(kinds);
            country = country == null ? null : country.toUpperCase(Locale.ROOT);
            if (limit < 0 || maxRequests < 0) {
                throw new IllegalArgumentException("limit and maxRequests must not be negative");
            }
        }
    }

    /** A guess being worked on: its index in the plan, its transient failures, whether HEAD already said 2xx. */
    public record Task(int guess, int deferrals, boolean afterHead) {
    }

    /** An accepted guess: what was guessed and the hub it proved to be. */
    public record Hit(GuessPlanner.Guess guess, Hub hub) {
    }

    /**
     * Where a guessing run stands. Goes to JSON and back. The plan itself is not stored: it is made
     * again, identically, from the patterns and the known hubs.
     */
    public record State(int version, String site, Options options, List<LearnedPattern> patterns, List<KnownHub> known,
                        int next, Task current, List<Task> retries, List<MissingPage> baselines, int baselineRetries,
                        boolean headUnsupported, List<Hit> hits, int attempts, int misses, int unverified, long requests) {

        public State {
            patterns = List.copyOf(patterns);
            known = List.copyOf(known);
            retries = List.copyOf(retries);
            baselines = List.copyOf(baselines);
            hits = List.copyOf(hits);
        }

        public String toJson() {
            return StateJson.write(this);
        }

        public static State fromJson(String json) throws JsonProcessingException {
            return StateJson.read(json, State.class);
        }
    }

    private final Gazetteer gazetteer;
    private final PageAnalyzer analyzer = new PageAnalyzer();
    private final List<GuessPlanner.Guess> plan;
    private final String host;
    private final SiteScope scope;
    private State s;

    private PlaceGuessing(State state, Gazetteer gazetteer) {
        this.s = state;
        this.gazetteer = gazetteer;
        WebUrl site = UrlParser.parse(state.site()).orElseThrow();
        this.host = site.host();
        this.scope = SiteScope.of(site);
        this.plan = new GuessPlanner(gazetteer).plan(state.patterns(), state.known(), GuessPlanner.siteBase(state.site()),
                state.options().kinds(), state.options().country(), state.options().limit());
    }

    /** Learns the patterns from the known hubs and plans the guesses. */
    public static PlaceGuessing start(String siteUrl, List<KnownHub> known, Options options, Gazetteer gazetteer) {
        List<LearnedPattern> patterns = new PatternLearner(gazetteer).learn(known);
        return new PlaceGuessing(new State(1, siteUrl, options, patterns, known, 0, null, List.of(), List.of(), 0, false,
                List.of(), 0, 0, 0, 0), gazetteer);
    }

    public static PlaceGuessing resume(State state, Gazetteer gazetteer) {
        return new PlaceGuessing(state, gazetteer);
    }

    public State state() {
        return s;
    }

    public List<LearnedPattern> patterns() {
        return s.patterns();
    }

    /** The guesses planned, in the order they are tried. */
    public List<GuessPlanner.Guess> plan() {
        return plan;
    }

    /** Accepted guesses, best first. */
    public List<Hit> hits() {
        List<Hit> hits = new ArrayList<>(s.hits());
        hits.sort(Comparator.comparingDouble((Hit h) -> h.hub().confidence()).reversed()
                .thenComparing(h -> h.hub().url()));
        return hits;
    }

    @Override
    public boolean done() {
        return s.current() == null && s.next() >= plan.size() && s.retries().isEmpty()
                || s.requests() >= s.options().maxRequests();
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
        Task task = s.current() != null ? s.current() : take();
        GuessPlanner.Guess guess = plan.get(task.guess());
        Optional<MissingPage> baseline = baseline(guess.pattern());
        if (baseline.isEmpty() || baseline.get().headIsAmbiguous() && baseline.get().getOutcome().isEmpty()) {
            probe(crawler, guess, baseline.orElse(null));
            return;
        }
        boolean head = !s.headUnsupported() && !baseline.get().headIsAmbiguous() && !task.afterHead();
        if (head) {
            head(crawler, task, guess);
        } else {
            get(crawler, task, guess, baseline.get());
        }
    }

    /** The next guess: new ones in plan order, then deferred ones. */
    private Task take() {
        if (s.next() < plan.size()) {
            Task task = new Task(s.next(), 0, false);
            s = with(task, s.next() + 1, s.retries(), s.attempts() + 1);
            return task;
        }
        Task task = s.retries().get(0);
        s = with(task, s.next(), s.retries().subList(1, s.retries().size()), s.attempts());
        return task;
    }

    // --- the bogus URL --------------------------------------------------------------------------------

    private void probe(Crawler crawler, GuessPlanner.Guess guess, MissingPage partial) {
        String url = bogusUrl(guess);
        FetchResult result = partial == null ? fetch(crawler, url, "HEAD") : fetch(crawler, url, "GET");
        if (result.retryable() && s.baselineRetries() + 1 < MAX_BASELINE_RETRIES) {
            s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), s.current(), s.retries(),
                    s.baselines(), s.baselineRetries() + 1, s.headUnsupported(), s.hits(), s.attempts(), s.misses(),
                    s.unverified(), s.requests());
            return;
        }
        MissingPage learnt;
        if (partial == null) {
            learnt = MissingPage.fromHead(guess.pattern(), result);
        } else {
            PageAnalysis page = result.isOk() ? analyzer.analyze(result) : null;
            learnt = partial.withGet(result, page);
        }
        List<MissingPage> baselines = new ArrayList<>(s.baselines());
        baselines.removeIf(b -> b.pattern().equals(guess.pattern()));
        baselines.add(learnt);
        s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), s.current(), s.retries(),
                baselines, 0, s.headUnsupported() || result.status() == 405 || result.status() == 501, s.hits(),
                s.attempts(), s.misses(), s.unverified(), s.requests());
    }

    /** The guess's URL with a slug no place has in the place's segment. */
    private static String bogusUrl(GuessPlanner.Guess guess) {
        String url = guess.url();
        int slash = url.endsWith("/") ? url.lastIndexOf('/', url.length() - 2) : url.lastIndexOf('/');
        return url.substring(0, slash + 1) + MissingPage.BOGUS_SLUG + (url.endsWith("/") ? "/" : "");
    }

    private Optional<MissingPage> baseline(String pattern) {
        return s.baselines().stream().filter(b -> b.pattern().equals(pattern)).findFirst();
    }

    // --- verifying ----------------------------------------------------------------------------------

    private void head(Crawler crawler, Task task, GuessPlanner.Guess guess) {
        FetchResult result = fetch(crawler, guess.url(), "HEAD");
        int status = result.status();
        if (result.retryable()) {
            defer(task);
        } else if (status >= 200 && status < 300) {
            s = with(new Task(task.guess(), task.deferrals(), true), s.next(), s.retries(), s.attempts());
        } else if (status == 405 || status == 501) {
            s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(),
                    new Task(task.guess(), task.deferrals(), true), s.retries(), s.baselines(), s.baselineRetries(), true,
                    s.hits(), s.attempts(), s.misses(), s.unverified(), s.requests());
        } else if (result.outcome() == FetchOutcome.REDIRECT && samePage(guess.url(), location(result))) {
            s = with(new Task(task.guess(), task.deferrals(), true), s.next(), s.retries(), s.attempts());
        } else {
            miss();
        }
    }

    private void get(Crawler crawler, Task task, GuessPlanner.Guess guess, MissingPage baseline) {
        FetchResult result = fetch(crawler, guess.url(), "GET");
        if (result.retryable()) {
            defer(task);
            return;
        }
        if (!result.isOk() || (result.redirects() > 0 && !samePage(guess.url(), result.finalUrl()))) {
            miss();
            return;
        }
        PageAnalysis page = analyzer.analyze(result);
        if (NotFoundText.saysMissing(page) || baseline.sameAs(page)) {
            miss();
            return;
        }
        Optional<Hub> hub = score(result, page, guess);
        if (hub.isPresent() && hub.get().confidence() >= s.options().minConfidence()) {
            List<Hit> hits = new ArrayList<>(s.hits());
            hits.add(new Hit(guess, hub.get()));
            s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), null, s.retries(),
                    s.baselines(), s.baselineRetries(), s.headUnsupported(), hits, s.attempts(), s.misses(),
                    s.unverified(), s.requests());
        } else {
            miss();
        }
    }

    /**
     * The hub detector's view of the page on its own (a guessed hub has no links to it), plus the
     * pattern's support, minus a penalty when the URL reads as another place than the one guessed.
     */
    private Optional<Hub> score(FetchResult result, PageAnalysis page, GuessPlanner.Guess guess) {
        HubDetector detector = new HubDetector(UrlParser.parse(s.site()).orElseThrow(), gazetteer,
                io.crawlseq.crawler.hubs.Signals.standard(gazetteer));
        detector.addFetch(result, page);
        Optional<Hub> read = detector.assess(page.url());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>(read.get().evidence());
        evidence.add(new Evidence("PredictedByPattern", 0.15 * Math.min(1.0, guess.support() / 5.0),
                guess.pattern() + " (" + guess.support() + " hubs)"));
        if (!Objects.equals(read.get().placeId(), guess.placeId())) {
            evidence.add(new Evidence("PlaceMismatch", -0.5, "the URL reads as "
                    + (read.get().placeId() == null ? "no place" : read.get().name())));
        }
        evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())).thenComparing(Evidence::signal));
        double confidence = HubScoring.confidence(HubScoring.sum(evidence));
        return Optional.of(new Hub(page.url(), guess.kind(), guess.iso2(), null, guess.name(), guess.placeId(), confidence,
                read.get().verified(), evidence));
    }

    private void defer(Task task) {
        if (task.deferrals() + 1 >= MAX_DEFERRALS) {
            s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), null, s.retries(),
                    s.baselines(), s.baselineRetries(), s.headUnsupported(), s.hits(), s.attempts(), s.misses(),
                    s.unverified() + 1, s.requests());
            return;
        }
        List<Task> retries = new ArrayList<>(s.retries());
        retries.add(new Task(task.guess(), task.deferrals() + 1, task.afterHead()));
        s = with(null, s.next(), retries, s.attempts());
    }

    private void miss() {
        s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), null, s.retries(),
                s.baselines(), s.baselineRetries(), s.headUnsupported(), s.hits(), s.attempts(), s.misses() + 1,
                s.unverified(), s.requests());
    }

    private State with(Task current, int next, List<Task> retries, int attempts) {
        return new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), next, current, retries,
                s.baselines(), s.baselineRetries(), s.headUnsupported(), s.hits(), attempts, s.misses(), s.unverified(),
                s.requests());
    }

    /** One polite request, counted; redirects followed (within the site) only for GET. */
    private FetchResult fetch(Crawler crawler, String url, String method) {
        s = new State(s.version(), s.site(), s.options(), s.patterns(), s.known(), s.next(), s.current(), s.retries(),
                s.baselines(), s.baselineRetries(), s.headUnsupported(), s.hits(), s.attempts(), s.misses(),
                s.unverified(), s.requests() + 1);
        UrlResult parsed = crawler.url(url);
        if (!(parsed instanceof UrlResult.Valid valid)) {
            return crawler.fetch(url);
        }
        FetchRequest request = FetchRequest.page(valid.url()).withMethod(method).withConditional(false)
                .withFollowRedirects(method.equals("GET")).withScope(scope::contains);
        return crawler.fetchOnce(request);
    }

    private static String location(FetchResult result) {
        String location = result.header("location").orElse("");
        WebUrl base = UrlParser.parse(result.finalUrl()).toOptional().orElse(null);
        return base == null ? location : UrlParser.resolve(base, location).toOptional().map(WebUrl::toString).orElse("");
    }

    /** Same scheme-less host and path, give or take a trailing slash and case: a redirect that keeps the page. */
    static boolean samePage(String guessed, String landed) {
        WebUrl a = UrlParser.parse(guessed).toOptional().orElse(null);
        WebUrl b = UrlParser.parse(landed).toOptional().orElse(null);
        if (a == null || b == null) {
            return false;
        }
        return a.host().equalsIgnoreCase(b.host()) && trim(a.path()).equalsIgnoreCase(trim(b.path()));
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
