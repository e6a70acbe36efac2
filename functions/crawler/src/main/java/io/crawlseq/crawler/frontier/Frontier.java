package io.crawlseq.crawler.frontier;

import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * URLs waiting to be fetched: deduplicated by normalised URL (64-bit fingerprints), ordered by
 * {@code (depth, discovery order)}, with one queue per host so a host that must wait does not hold
 * up the others. Not thread-safe: the crawl loop's coordinator owns it.
 */
public final class Frontier {

    private final TreeSet<FrontierEntry> all = new TreeSet<>();
    private final Map<String, TreeSet<FrontierEntry>> byHost = new HashMap<>();
    private final Fingerprints seen;
    private long nextSeq;

    public Frontier() {
        this(new Fingerprints(), 0);
    }

    private Frontier(Fingerprints seen, long nextSeq) {
        this.seen = seen;
        this.nextSeq = nextSeq;
    }

    /** Adds a URL never offered before; returns the entry, or null when it was seen already. */
    public FrontierEntry offer(String normalisedUrl, int depth) {
        if (!seen.add(Fingerprints.of(normalisedUrl))) {
            return null;
        }
        FrontierEntry entry = new FrontierEntry(normalisedUrl, depth, nextSeq++, 0);
        add(entry);
        return entry;
    }

    /** Whether a URL was ever offered. */
    public boolean seen(String normalisedUrl) {
        return seen.contains(Fingerprints.of(normalisedUrl));
    }

    /** Puts an entry back (a retry, or work handed back at a deadline); keeps its key. */
    public void putBack(FrontierEntry entry) {
        add(entry);
    }

    private void add(FrontierEntry entry) {
        all.add(entry);
        byHost.computeIfAbsent(hostOf(entry.url()), h -> new TreeSet<>()).add(entry);
    }

    public void remove(FrontierEntry entry) {
        all.remove(entry);
        String host = hostOf(entry.url());
        TreeSet<FrontierEntry> queue = byHost.get(host);
        if (queue != null) {
            queue.remove(entry);
            if (queue.isEmpty()) {
                byHost.remove(host);
            }
        }
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public int size() {
        return all.size();
    }

    public int seenCount() {
        return seen.size();
    }

    public FrontierEntry first() {
        return all.isEmpty() ? null : all.first();
    }

    /** Hosts with waiting entries and the first entry of each. */
    public Map<String, FrontierEntry> heads() {
        Map<String, FrontierEntry> heads = new HashMap<>();
        byHost.forEach((host, queue) -> heads.put(host, queue.first()));
        return heads;
    }

    /** Entries ordered before {@code entry} (for budget accounting). */
    public int countBefore(FrontierEntry entry) {
        return all.headSet(entry, false).size();
    }

    public NavigableSet<FrontierEntry> entries() {
        return java.util.Collections.unmodifiableNavigableSet(all);
    }

    public static String hostOf(String url) {
        return UrlParser.parse(url).toOptional().map(WebUrl::host).orElse("");
    }

    /** The frontier as a value; counters are the caller's. */
    public FrontierState export(Map<String, Long> counters) {
        List<List<Object>> pending = new ArrayList<>();
        for (FrontierEntry e : all) {
            pending.add(List.of(e.url(), e.depth(), e.seq(), e.attempts()));
        }
        return new FrontierState(1, nextSeq, pending, seen.export(), counters);
    }

    /** A frontier continuing from an exported state. */
    public static Frontier restore(FrontierState state) {
        if (state.version() != 1) {
            throw new IllegalArgumentException("unsupported frontier state version " + state.version());
        }
        Frontier frontier = new Frontier(Fingerprints.restore(state.seen()), state.nextSeq());
        for (List<Object> p : state.pending()) {
            if (p.size() != 4) {
                throw new IllegalArgumentException("malformed frontier entry " + p);
            }
            frontier.add(new FrontierEntry((String) p.get(0), ((Number) p.get(1)).intValue(),
                    ((Number) p.get(2)).longValue(), ((Number) p.get(3)).intValue()));
        }
        return frontier;
    }
}
