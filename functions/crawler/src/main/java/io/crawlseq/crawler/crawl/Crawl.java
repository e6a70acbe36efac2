package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.frontier.Frontier;
import io.crawlseq.crawler.frontier.FrontierEntry;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.PageAnalyzer;
import io.crawlseq.crawler.robots.RobotsRules;
import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A bounded crawl: a {@link Frontier}, up to {@code concurrency} requests in flight, per-host
 * politeness and robots.txt through the {@link Crawler}, a deadline, and a handler that sees every
 * page and picks the links to follow.
 *
 * <p><b>Determinism.</b> Results are processed in frontier order {@code (depth, discovery order)},
 * not in the order responses arrive: a response that overtakes an earlier entry waits for it.
 * Discovery numbers are assigned while processing, so they too are the same on every run, and a
 * request is only started if it is among the first {@code maxDownloads} entries in that order.
 * The set of pages processed, the order the handler sees them and the final frontier therefore
 * do not depend on timing, and a crawl cut into pieces by deadlines ({@link #resume}) ends exactly
 * where one long crawl ends (given the same site content).
 *
 * <p>The coordinator (the thread calling {@link #run}) owns the frontier and calls the handler;
 * fetching and HTML parsing run on virtual threads.
 */
public final class Crawl {

    private final Crawler crawler;
    private final CrawlOptions options;
    private final CrawlHandler handler;
    private final Frontier frontier;
    private final PageAnalyzer analyzer;
    private final CrawlClock clock;
    private final Map<String, Long> counters;

    private final TreeSet<FrontierEntry> inFlight = new TreeSet<>();
    private final TreeMap<FrontierEntry, CrawledPage> done = new TreeMap<>();
    private final Set<String> robotsLoading = new HashSet<>();
    private int robotsInFlight;
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();

    private Crawl(Crawler crawler, CrawlOptions options, CrawlHandler handler, Frontier frontier,
                  Map<String, Long> counters) {
        this.crawler = crawler;
        this.options = options;
        this.handler = handler;
        this.frontier = frontier;
        this.analyzer = new PageAnalyzer(crawler.normalizer());
        this.clock = crawler.clock();
        this.counters = new LinkedHashMap<>(counters);
    }

    /** A new crawl from the options' seeds. */
    public static Crawl start(Crawler crawler, CrawlOptions options, CrawlHandler handler) {
        Crawl crawl = new Crawl(crawler, options, handler, new Frontier(), Map.of());
        for (String seed : options.seeds()) {
            UrlResult url = crawler.normalizer().normalize(seed);
            if (url instanceof UrlResult.Valid valid) {
                crawl.frontier.offer(valid.url().toString(), 0);
            }
        }
        return crawl;
    }

    /** A crawl continuing from a state exported by an earlier invocation (seeds are ignored). */
    public static Crawl resume(Crawler crawler, CrawlOptions options, CrawlHandler handler, FrontierState state) {
        return new Crawl(crawler, options, handler, Frontier.restore(state), state.counters());
    }

    private sealed interface Completion {
    }

    private record PageDone(FrontierEntry entry, FetchResult result, PageAnalysis analysis) implements Completion {
    }

    private record RobotsDone(String origin, String host, RobotsRules rules) implements Completion {
    }

    private long count(String name) {
        return counters.getOrDefault(name, 0L);
    }

    private void add(String name, long delta) {
        counters.merge(name, delta, Long::sum);
    }

    /** Runs until the frontier is exhausted, maxDownloads is reached, the deadline passes or the handler stops it. */
    public CrawlReport run() {
        long started = clock.nowMillis();
        long lastProgress = started;
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            while (true) {
                processReady();
                boolean stopRequested = handler.shouldStop();
                boolean pastDeadline = clock.nowMillis() >= options.deadlineMillis();
                boolean budgetSpent = count("downloads") >= options.maxDownloads();
                boolean stopping = stopRequested || pastDeadline || budgetSpent;
                if (!stopping) {
                    dispatch(workers);
                }
                if (clock.nowMillis() - lastProgress >= options.progressEveryMillis()) {
                    lastProgress = clock.nowMillis();
                    handler.onProgress(progress(started));
                }
                boolean idle = inFlight.isEmpty() && robotsInFlight == 0;
                if (idle && (stopping || (frontier.isEmpty() && done.isEmpty()))) {
                    processReady();
                    CrawlReport.Status status = frontier.isEmpty() && done.isEmpty() ? CrawlReport.Status.COMPLETE
                            : stopRequested ? CrawlReport.Status.STOPPED
                            : count("downloads") >= options.maxDownloads() ? CrawlReport.Status.LIMIT_REACHED
                            : CrawlReport.Status.DEADLINE;
                    handBack();
                    CrawlProgress progress = progress(started);
                    handler.onProgress(progress);
                    return new CrawlReport(status, progress, frontier.export(Map.copyOf(counters)));
                }
                if (!waitForWork(stopping)) {
                    // nothing in flight and no host will ever be ready: end with the state as it is
                    handBack();
                    CrawlProgress progress = progress(started);
                    handler.onProgress(progress);
                    return new CrawlReport(CrawlReport.Status.STOPPED, progress, frontier.export(Map.copyOf(counters)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("crawl interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Entries with results that cannot be processed yet go back to the frontier (they are fetched again later). */
    private void handBack() {
        for (FrontierEntry entry : done.keySet()) {
            frontier.putBack(entry);
        }
        done.clear();
    }

    /** Waits for a completion or the next host's turn; false when there is nothing to wait for. */
    private boolean waitForWork(boolean stopping) throws InterruptedException {
        boolean busy = !inFlight.isEmpty() || robotsInFlight > 0;
        long wakeAt = stopping ? Long.MAX_VALUE : nextReadyAt();
        if (!stopping && options.deadlineMillis() < wakeAt) {
            wakeAt = options.deadlineMillis();
        }
        if (busy) {
            Completion c = clock.poll(completions, wakeAt);
            while (c != null) {
                handle(c);
                c = completions.poll();
            }
            return true;
        }
        if (wakeAt != Long.MAX_VALUE) {
            clock.sleepUntil(wakeAt);
            return true;
        }
        return stopping || frontier.isEmpty();
    }

    /** Earliest clock time a waiting host may start a request. */
    private long nextReadyAt() {
        long earliest = Long.MAX_VALUE;
        for (FrontierEntry head : frontier.heads().values()) {
            WebUrl url = crawler.normalizer().normalize(head.url()).orElseThrow();
            earliest = Math.min(earliest, crawler.hosts().readyAt(url.host()));
        }
        return earliest;
    }

    // --- dispatching --------------------------------------------------------------------------------

    private void dispatch(ExecutorService workers) {
        while (inFlight.size() + robotsInFlight < options.concurrency()) {
            FrontierEntry pick = null;
            for (Map.Entry<String, FrontierEntry> head : frontier.heads().entrySet()) {
                String host = head.getKey();
                WebUrl url = crawler.normalizer().normalize(head.getValue().url()).orElseThrow();
                if (!crawler.robotsCache().isCached(url) && crawler.config().robots().obey()) {
                    startRobots(workers, url);
                    continue;
                }
                if (crawler.hosts().readyAt(host) <= clock.nowMillis()
                        && (pick == null || head.getValue().compareTo(pick) < 0)) {
                    pick = head.getValue();
                }
            }
            if (pick == null || !withinBudget(pick)) {
                return;
            }
            WebUrl url = crawler.normalizer().normalize(pick.url()).orElseThrow();
            frontier.remove(pick);
            RobotsRules rules = crawler.robots(url);
            if (!rules.isAllowed(url)) {
                done.put(pick, new CrawledPage(pick.url(), pick.depth(), robotsBlocked(pick, rules), null));
                add("robotsBlocked", 1);
                continue;
            }
            if (!crawler.hosts().tryStart(url.host())) {
                frontier.putBack(pick);
                return;
            }
            inFlight.add(pick);
            FrontierEntry entry = pick;
            workers.submit(() -> fetchPage(entry, url));
        }
    }

    /**
     * Whether the entry is among the first maxDownloads pages in frontier order: pending entries
     * before it (waiting, in flight, or done but not processed) plus pages already downloaded
     * must leave room.
     */
    private boolean withinBudget(FrontierEntry pick) {
        long room = options.maxDownloads() - count("downloads");
        if (room <= 0) {
            return false;
        }
        if (room > frontier.size() + inFlight.size() + done.size()) {
            return true;
        }
        long before = frontier.countBefore(pick) + inFlight.headSet(pick, false).size();
        for (Map.Entry<FrontierEntry, CrawledPage> d : done.headMap(pick, false).entrySet()) {
            if (d.getValue().result().outcome() != FetchOutcome.BLOCKED_BY_ROBOTS) {
                before++;
            }
        }
        return before < room;
    }

    private void startRobots(ExecutorService workers, WebUrl url) {
        String origin = url.origin();
        if (robotsLoading.contains(origin) || inFlight.size() + robotsInFlight >= options.concurrency()
                || !crawler.hosts().tryStart(url.host())) {
            return;
        }
        robotsLoading.add(origin);
        robotsInFlight++;
        workers.submit(() -> {
            RobotsRules rules;
            try {
                rules = crawler.robotsCache().rulesFor(url);
            } catch (RuntimeException e) {
                rules = io.crawlseq.crawler.robots.RobotsParser.unreachable("internal error: " + e);
            }
            completions.add(new RobotsDone(origin, url.host(), rules));
        });
    }

    private void fetchPage(FrontierEntry entry, WebUrl url) {
        FetchResult result;
        PageAnalysis analysis = null;
        try {
            FetchRequest request = FetchRequest.page(url).withScope(options.redirectScope());
            result = crawler.httpFetcher().fetch(request);
            if (result.isOk()) {
                analysis = analyzer.analyze(result);
            }
        } catch (RuntimeException e) {
            result = failure(entry, "internal error: " + e);
        }
        completions.add(new PageDone(entry, result, analysis));
    }

    // --- completing ---------------------------------------------------------------------------------

    private void handle(Completion completion) {
        switch (completion) {
            case RobotsDone robots -> {
                robotsInFlight--;
                robotsLoading.remove(robots.origin());
                crawler.hosts().finish(robots.host(), null);
                crawler.hosts().setCrawlDelay(robots.host(), robots.rules().crawlDelayMs());
                add("robotsFetches", 1);
            }
            case PageDone page -> {
                FrontierEntry entry = page.entry();
                inFlight.remove(entry);
                String host = Frontier.hostOf(entry.url());
                crawler.hosts().finish(host, page.result());
                if (!page.result().chain().isEmpty()) {
                    add("requests", 1);
                    crawler.stats().record(page.result(), false);
                }
                boolean mayRetry = page.result().retryable()
                        && entry.attempts() + 1 < crawler.config().retry().maxAttempts();
                if (mayRetry) {
                    frontier.putBack(entry.retried());
                    long backoff = crawler.backoffMs(entry.attempts() + 1, page.result());
                    crawler.hosts().pauseUntil(host, clock.nowMillis() + backoff);
                    add("retries", 1);
                    return;
                }
                done.put(entry, new CrawledPage(entry.url(), entry.depth(), page.result(), page.analysis()));
            }
        }
    }

    /** Processes done entries that no waiting or in-flight entry precedes. */
    private void processReady() {
        while (!done.isEmpty()) {
            FrontierEntry first = done.firstKey();
            FrontierEntry waiting = frontier.first();
            FrontierEntry flying = inFlight.isEmpty() ? null : inFlight.first();
            if ((waiting != null && waiting.compareTo(first) < 0) || (flying != null && flying.compareTo(first) < 0)) {
                return;
            }
            CrawledPage page = done.pollFirstEntry().getValue();
            process(first, page);
        }
    }

    private void process(FrontierEntry entry, CrawledPage page) {
        add("processed", 1);
        FetchResult result = page.result();
        if (result.outcome() != FetchOutcome.BLOCKED_BY_ROBOTS) {
            add("downloads", 1);
        }
        if (page.isOk()) {
            add("ok", 1);
        } else if (result.outcome().isFailure()) {
            add("failures", 1);
        }
        add("bodyBytes", result.bodyBytes());
        crawler.stats().recordProcessed(result);
        List<String> links = handler.onPage(page);
        int depth = entry.depth() + 1;
        WebUrl base = crawler.normalizer().normalize(result.finalUrl()).toOptional()
                .orElse(crawler.normalizer().normalize(entry.url()).orElseThrow());
        for (String link : links) {
            UrlResult normalised = crawler.normalizer().normalize(base, link);
            if (!(normalised instanceof UrlResult.Valid valid)) {
                continue;
            }
            if (rejected(valid.url(), depth)) {
                add("filtered", 1);
                continue;
            }
            frontier.offer(valid.url().toString(), depth);
        }
    }

    private boolean rejected(WebUrl url, int depth) {
        for (UrlFilter filter : options.filters()) {
            if (filter.reject(url, depth) != null) {
                return true;
            }
        }
        return false;
    }

    private CrawlProgress progress(long started) {
        return new CrawlProgress(count("processed"), count("downloads"), count("requests"), count("ok"),
                count("failures"), count("robotsBlocked"), count("robotsFetches"), count("bodyBytes"), frontier.size(),
                inFlight.size(), clock.nowMillis() - started);
    }

    private FetchResult robotsBlocked(FrontierEntry entry, RobotsRules rules) {
        return new FetchResult(entry.url(), FetchOutcome.BLOCKED_BY_ROBOTS,
                rules.status() == RobotsRules.Status.UNREACHABLE ? rules.detail() : "disallowed by robots.txt",
                List.of(), entry.url(), 0, Map.of(), "", StandardCharsets.UTF_8, null, 0, 0, clock.instant(),
                Duration.ZERO, false, null);
    }

    private FetchResult failure(FrontierEntry entry, String detail) {
        return new FetchResult(entry.url(), FetchOutcome.NETWORK_ERROR, detail, List.of(), entry.url(), 0,
                new HashMap<>(), "", StandardCharsets.UTF_8, null, 0, 0, clock.instant(), Duration.ZERO, false, null);
    }
}
