package io.crawlseq.crawler.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.crawler.ops.StateJson;
import io.crawlseq.crawler.ops.Stepwise;
import io.crawlseq.crawler.url.UrlParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks the archive pages of one or more hubs and collects the stories they list: the core of
 * hubArchiveCrawl, exploreCountryHubs, crawlCountryHubHistory and crawlCountryHubsHistory.
 *
 * <pre>{@code
 * ArchiveCrawl crawl = ArchiveCrawl.start(List.of(hubUrl), ArchiveCrawl.Options.of(50), records::add);
 * boolean done = WorkLoop.run(crawl, crawler, deadline);
 * if (!done) save(crawl.state().toJson());     // later: ArchiveCrawl.resume(State.fromJson(json), sink)
 * }</pre>
 *
 * Stories are counted once across hubs (the first hub that lists one gets it). With
 * {@link Order#ROUND_ROBIN} every hub's first page comes before any hub's second page
 * (exploreCountryHubs: a limit of 100 stories visits every hub); with {@link Order#IN_TURN} each
 * hub's archive is walked to its end before the next (the history commands). One {@link #step} is one
 * fetch, and the state goes to JSON and back between invocations.
 */
public final class ArchiveCrawl implements Stepwise {

    public enum Order { ROUND_ROBIN, IN_TURN }

    /**
     * @param maxPagesPerHub listing pages per hub at most
     * @param fetchArticles  fetch each story (title, publication time, section from the page itself)
     * @param maxArticles    stories to take at most, over all hubs
     * @param maxRequests    fetches at most, over all hubs (cumulative over continuations)
     * @param order          how the hubs share the work
     */
    public record Options(int maxPagesPerHub, boolean fetchArticles, long maxArticles, long maxRequests, Order order) {

        public Options {
            Objects.requireNonNull(order, "order");
            if (maxPagesPerHub < 1 || maxArticles < 0 || maxRequests < 0) {
                throw new IllegalArgumentException("invalid archive crawl limits");
            }
        }

        /** Link collection only, hubs in turn, no article or request limit. */
        public static Options of(int maxPagesPerHub) {
            return new Options(maxPagesPerHub, false, Long.MAX_VALUE, Long.MAX_VALUE, Order.IN_TURN);
        }

        public Options fetchArticles(boolean value) {
            return new Options(maxPagesPerHub, value, maxArticles, maxRequests, order);
        }

        public Options maxArticles(long value) {
            return new Options(maxPagesPerHub, fetchArticles, value, maxRequests, order);
        }

        public Options maxRequests(long value) {
            return new Options(maxPagesPerHub, fetchArticles, maxArticles, value, order);
        }

        public Options order(Order value) {
            return new Options(maxPagesPerHub, fetchArticles, maxArticles, maxRequests, value);
        }
    }

    /** One hub's outcome. */
    public record HubOutcome(String hubUrl, int pagesWalked, String paginationStyle, boolean loopDetected, String stop) {
    }

    /**
     * Where a crawl stands. Goes to JSON and back.
     *
     * @param seenStories fingerprints of the stories taken (they are counted once)
     */
    public record State(int version, Options options, List<ArchiveWalk.State> walks, int cursor, List<Long> seenStories,
                        long articlesFound, long requests) {

        public State {
            walks = List.copyOf(walks);
            seenStories = List.copyOf(seenStories);
        }

        public String toJson() {
            return StateJson.write(this);
        }

        public static State fromJson(String json) throws JsonProcessingException {
            return StateJson.read(json, State.class);
        }
    }

    private final Options options;
    private final List<ArchiveWalk> walks = new ArrayList<>();
    private final Set<Long> seen;
    private final Consumer<ArticleRecord> sink;
    private int cursor;
    private long articlesFound;
    private long requests;

    private ArchiveCrawl(State state, Consumer<ArticleRecord> sink) {
        this.options = state.options();
        for (ArchiveWalk.State w : state.walks()) {
            walks.add(new ArchiveWalk(w, options.maxPagesPerHub(), options.fetchArticles()));
        }
        this.seen = new HashSet<>(state.seenStories());
        this.sink = Objects.requireNonNull(sink, "sink");
        this.cursor = state.cursor();
        this.articlesFound = state.articlesFound();
        this.requests = state.requests();
    }

    /** @param sink receives every story taken, with the hub it came from */
    public static ArchiveCrawl start(List<String> hubUrls, Options options, Consumer<ArticleRecord> sink) {
        List<ArchiveWalk.State> walks = new ArrayList<>();
        for (String hub : new java.util.LinkedHashSet<>(hubUrls)) {
            walks.add(ArchiveWalk.State.start(hub));
        }
        return new ArchiveCrawl(new State(1, options, walks, 0, List.of(), 0, 0), sink);
    }

    public static ArchiveCrawl resume(State state, Consumer<ArticleRecord> sink) {
        return new ArchiveCrawl(state, sink);
    }

    public State state() {
        List<ArchiveWalk.State> states = new ArrayList<>();
        walks.forEach(w -> states.add(w.state()));
        List<Long> fingerprints = new ArrayList<>(seen);
        fingerprints.sort(null);
        return new State(1, options, states, cursor, fingerprints, articlesFound, requests);
    }

    @Override
    public boolean done() {
        return walks.stream().allMatch(ArchiveWalk::done);
    }

    @Override
    public String nextHost() {
        ArchiveWalk next = current();
        return next == null ? "" : UrlParser.parse(next.state().hubUrl()).toOptional().map(u -> u.host()).orElse("");
    }

    @Override
    public void step(Crawler crawler) {
        ArchiveWalk walk = current();
        if (walk == null) {
            return;
        }
        walk.step(crawler, stories);
        if (articlesFound >= options.maxArticles()) {
            walks.forEach(w -> w.stopListing("reached the article limit of " + options.maxArticles()));
        }
        if (walk.done() || (options.order() == Order.ROUND_ROBIN && walk.atListing())) {
            advance();
        }
    }

    private final ArchiveWalk.Stories stories = new ArchiveWalk.Stories() {
        @Override
        public boolean take(StoryLink story) {
            if (articlesFound >= options.maxArticles() || !seen.add(ListingFingerprint.hash(story.url()))) {
                return false;
            }
            articlesFound++;
            return true;
        }

        @Override
        public void found(ArticleRecord record) {
            sink.accept(record);
        }

        @Override
        public boolean spend() {
            if (requests >= options.maxRequests()) {
                return false;
            }
            requests++;
            return true;
        }
    };

    /** The walk whose turn it is: the cursor's, or the next one that is not done. */
    private ArchiveWalk current() {
        for (int i = 0; i < walks.size(); i++) {
            ArchiveWalk w = walks.get((cursor + i) % walks.size());
            if (!w.done()) {
                cursor = (cursor + i) % walks.size();
                return w;
            }
        }
        return null;
    }

    private void advance() {
        if (options.order() == Order.ROUND_ROBIN && !walks.isEmpty()) {
            cursor = (cursor + 1) % walks.size();
        }
    }

    public long articlesFound() {
        return articlesFound;
    }

    public long requests() {
        return requests;
    }

    /** Each hub's outcome so far, in the order given. */
    public List<HubOutcome> hubs() {
        List<HubOutcome> out = new ArrayList<>();
        for (ArchiveWalk w : walks) {
            ArchiveWalk.State st = w.state();
            out.add(new HubOutcome(st.hubUrl(), st.pagesWalked(), st.scheme().kind().wireName(), st.loopDetected(),
                    st.stop()));
        }
        return out;
    }

    /** Hubs whose first page was fetched (whatever it answered). */
    public int hubsVisited() {
        return (int) walks.stream().filter(w -> w.state().visited()).count();
    }
}
