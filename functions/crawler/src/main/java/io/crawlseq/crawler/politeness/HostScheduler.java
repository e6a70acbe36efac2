package io.crawlseq.crawler.politeness;

import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.time.CrawlClock;
import java.util.HashMap;
import java.util.Map;

/**
 * When the next request to a host may start. Per host: at most
 * {@link Politeness#maxConcurrentPerHost()} in flight, starts at least the host's delay apart
 * (the larger of {@link Politeness#delayMs()} and the capped robots.txt Crawl-delay, times a
 * slowdown factor), and a pause after a Retry-After. A 429 or 503 doubles the slowdown factor (up to
 * {@link Politeness#maxSlowdownFactor()}); ten successes in a row halve it again.
 *
 * <p>Used non-blocking by the crawl loop ({@link #readyAt}, {@link #tryStart}) and blocking by
 * single fetches ({@link #acquire}); all waiting goes through the {@link CrawlClock}. Thread-safe.
 */
public final class HostScheduler {

    private static final int SUCCESSES_TO_RECOVER = 10;

    private static final class HostState {
        int inFlight;
        long nextStartAt = Long.MIN_VALUE;
        long pausedUntil = Long.MIN_VALUE;
        long crawlDelayMs = -1;
        int slowdown = 1;
        int successes;
    }

    private final Politeness politeness;
    private final CrawlClock clock;
    private final Map<String, HostState> hosts = new HashMap<>();

    public HostScheduler(Politeness politeness, CrawlClock clock) {
        this.politeness = politeness;
        this.clock = clock;
    }

    public Politeness politeness() {
        return politeness;
    }

    public CrawlClock clock() {
        return clock;
    }

    private HostState state(String host) {
        return hosts.computeIfAbsent(host, h -> new HostState());
    }

    /** Records the robots.txt Crawl-delay of a host (-1: none). */
    public synchronized void setCrawlDelay(String host, long crawlDelayMs) {
        state(host).crawlDelayMs = crawlDelayMs;
    }

    /** The delay between request starts to this host now. */
    public synchronized long delayMs(String host) {
        return delay(state(host));
    }

    private long delay(HostState s) {
        long crawlDelay = s.crawlDelayMs < 0 ? 0 : Math.min(s.crawlDelayMs, politeness.maxCrawlDelayMs());
        long base = Math.max(politeness.delayMs(), crawlDelay);
        if (base == 0 && s.slowdown > 1) {
            base = 100;   // even a benchmark crawl backs off from a host that said 429/503
        }
        return base * s.slowdown;
    }

    /** Earliest clock time a request to the host may start; {@link Long#MAX_VALUE} while it is at its concurrency limit. */
    public synchronized long readyAt(String host) {
        HostState s = state(host);
        if (s.inFlight >= politeness.maxConcurrentPerHost()) {
            return Long.MAX_VALUE;
        }
        return Math.max(s.nextStartAt, s.pausedUntil);
    }

    /** Starts a request if the host is ready now; the caller must {@link #finish} it. */
    public synchronized boolean tryStart(String host) {
        HostState s = state(host);
        long now = clock.nowMillis();
        if (s.inFlight >= politeness.maxConcurrentPerHost() || now < Math.max(s.nextStartAt, s.pausedUntil)) {
            return false;
        }
        start(s, now);
        return true;
    }

    private void start(HostState s, long now) {
        s.inFlight++;
        s.nextStartAt = now + delay(s);
    }

    /** Blocks until a request to the host may start, then starts it. */
    public void acquire(String host) throws InterruptedException {
        while (true) {
            long wakeAt;
            synchronized (this) {
                HostState s = state(host);
                if (s.inFlight >= politeness.maxConcurrentPerHost()) {
                    wait();
                    continue;
                }
                long now = clock.nowMillis();
                long ready = Math.max(s.nextStartAt, s.pausedUntil);
                if (now >= ready) {
                    start(s, now);
                    return;
                }
                wakeAt = ready;
            }
            clock.sleepUntil(wakeAt);
        }
    }

    /** Ends a request started by {@link #tryStart} or {@link #acquire}, learning from its result (may be null). */
    public synchronized void finish(String host, FetchResult result) {
        HostState s = state(host);
        s.inFlight = Math.max(0, s.inFlight - 1);
        if (result != null) {
            learn(s, result);
        }
        notifyAll();
    }

    /** Pauses a host until the given clock time (e.g. after a failed attempt's backoff). */
    public synchronized void pauseUntil(String host, long millis) {
        HostState s = state(host);
        s.pausedUntil = Math.max(s.pausedUntil, millis);
    }

    private void learn(HostState s, FetchResult result) {
        int status = result.status();
        if (status == 429 || status == 503) {
            s.slowdown = Math.min(s.slowdown * 2, politeness.maxSlowdownFactor());
            s.successes = 0;
            if (result.retryAfter() != null) {
                long pause = Math.min(result.retryAfter().toMillis(), politeness.maxRetryAfterMs());
                s.pausedUntil = Math.max(s.pausedUntil, clock.nowMillis() + pause);
            }
        } else if (result.isOk() && s.slowdown > 1 && ++s.successes >= SUCCESSES_TO_RECOVER) {
            s.slowdown /= 2;
            s.successes = 0;
        }
    }

    /** The current slowdown factor of a host (1: none). */
    public synchronized int slowdown(String host) {
        return state(host).slowdown;
    }
}
