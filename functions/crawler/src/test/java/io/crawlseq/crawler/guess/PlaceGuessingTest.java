package io.crawlseq.crawler.guess;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.crawler.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Guessing finds the hubs only a guess can reach, on sites with 404s, soft 404s, redirects and 429s. */
class PlaceGuessingTest {

    private static final Gazetteer GAZETTEER = Gazetteer.standard();

    /** The hubs a crawl can find (what ensureCountryHubs and ensurePlaceHubs would have recorded). */
    static List<KnownHub> linkedHubs(FixtureSite site, String base) {
        List<KnownHub> known = new ArrayList<>();
        for (FixtureSite.ExpectedHub h : site.linkedExpected()) {
            if (h.kind() == HubKind.COUNTRY) {
                known.add(new KnownHub(base + h.path(), h.kind(), "country:" + h.iso2(), h.iso2(), 0.99, true));
            } else if (h.kind() == HubKind.REGION || h.kind() == HubKind.CITY) {
                known.add(new KnownHub(base + h.path(), h.kind(), h.placeId(), h.iso2(), 0.99, true));
            }
        }
        return known;
    }

    /** "path placeId" of the hidden hubs a guess can find. */
    static Set<String> findable(FixtureSite site) {
        Set<String> out = new TreeSet<>();
        for (FixtureSite.ExpectedHub h : site.expected()) {
            if (site.hiddenPaths().contains(h.path()) && !GuessSites.UNGUESSABLE.contains(h.path())) {
                out.add(h.path() + " " + (h.placeId() != null ? h.placeId() : "country:" + h.iso2()));
            }
        }
        return out;
    }

    record Run(PlaceGuessing guessing, List<LoopbackServer.RecordedRequest> requests) {
        Set<String> hits(String base) {
            Set<String> out = new TreeSet<>();
            guessing.hits().forEach(h -> out.add(h.hub().url().substring(base.length()) + " " + h.hub().placeId()));
            return out;
        }
    }

    static Run guess(FixtureSite site, Set<HubKind> kinds, int limit) {
        try (LoopbackServer server = LoopbackServer.start();
             Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            site.serve(server);
            PlaceGuessing guessing = PlaceGuessing.start(server.url("/"), linkedHubs(site, server.baseUrl()),
                    new PlaceGuessing.Options(kinds, limit, 0.7, null, 1000), GAZETTEER);
            assertThat(WorkLoop.run(guessing, crawler, Long.MAX_VALUE)).isTrue();
            return new Run(guessing, server.requests());
        }
    }

    @Test
    void worldwide_findsTheHiddenCountryHubs_withOneHeadPerMiss() {
        FixtureSite site = GuessSites.worldwide();

        Run run = guess(site, Set.of(HubKind.COUNTRY), 60);

        String base = run.guessing().state().site().replaceAll("/$", "");
        assertThat(run.hits(base)).isEqualTo(findable(site));
        assertThat(run.guessing().patterns()).extracting(LearnedPattern::text).first().isEqualTo("/world/{name-kebab}");
        PlaceGuessing.State s = run.guessing().state();
        assertThat(s.attempts()).isEqualTo(60);
        assertThat(s.attempts()).isEqualTo(s.hits().size() + s.misses() + s.unverified());
        long heads = run.requests().stream().filter(r -> r.method().equals("HEAD")).count();
        long gets = run.requests().stream().filter(r -> r.method().equals("GET") && !r.path().equals("/robots.txt")).count();
        assertThat(heads).isEqualTo(61);                      // the bogus URL, then every guess
        assertThat(gets).isEqualTo(s.hits().size());          // only the hits are fetched
    }

    @Test
    void joined_learnsTheJoinedStyle_andSeesThroughTheSoft404() {
        FixtureSite site = GuessSites.joined();

        Run run = guess(site, Set.of(HubKind.COUNTRY), 40);

        String base = run.guessing().state().site().replaceAll("/$", "");
        assertThat(run.hits(base)).isEqualTo(findable(site));
        assertThat(run.guessing().patterns()).extracting(LearnedPattern::text).first().isEqualTo("/news/{name-joined}");
        long heads = run.requests().stream().filter(r -> r.method().equals("HEAD")).count();
        assertThat(heads).as("HEAD answers 200 for anything here: one probe, then GET only").isEqualTo(1);
    }

    @Test
    void metro_guessesCitiesAndStatesUnderCountryHubs_throughRedirectsAnd429s() {
        FixtureSite site = GuessSites.metro();

        Run run = guess(site, Set.of(HubKind.REGION, HubKind.CITY), 120);

        String base = run.guessing().state().site().replaceAll("/$", "");
        assertThat(run.hits(base)).isEqualTo(findable(site));
        assertThat(run.guessing().patterns()).extracting(LearnedPattern::text).contains("{countryHub}/{name-kebab}");
        assertThat(run.guessing().state().unverified()).isZero();
        List<String> asked = run.requests().stream().map(r -> r.method() + " " + r.pathAndQuery()).toList();
        assertThat(asked).as("URLs answered 429 are asked again later").hasSizeGreaterThan(new TreeSet<>(asked).size());
    }

    /** Hits without the server's port: "path placeId confidence". */
    static List<String> described(List<PlaceGuessing.Hit> hits, String base) {
        return hits.stream().map(h -> h.hub().url().substring(base.length()) + " " + h.hub().placeId() + " "
                + h.hub().confidence()).toList();
    }

    @Test
    void guessingCutIntoPiecesThroughJson_endsLikeOneRun() throws Exception {
        FixtureSite site = GuessSites.metro();
        Run whole = guess(site, Set.of(HubKind.REGION, HubKind.CITY), 40);
        ManualClock clock = new ManualClock();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            String state = PlaceGuessing.start(server.url("/"), linkedHubs(site, server.baseUrl()),
                    new PlaceGuessing.Options(Set.of(HubKind.REGION, HubKind.CITY), 40, 0.7, null, 1000), GAZETTEER)
                    .state().toJson();
            long readyAt = 0;
            int pieces = 0;
            PlaceGuessing last = null;
            boolean done = false;
            while (!done) {
                pieces++;
                try (Crawler crawler = Crawler.create(TestConfigs.forServers(clock, server))) {
                    WorkLoop.restoreHostReadyAt(crawler, "127.0.0.1", readyAt);
                    last = PlaceGuessing.resume(PlaceGuessing.State.fromJson(state), GAZETTEER);
                    done = WorkLoop.run(last, crawler, clock.nowMillis() + 3500);
                    readyAt = WorkLoop.hostReadyAtEpochMillis(crawler, "127.0.0.1");
                    state = last.state().toJson();
                }
            }
            assertThat(pieces).isGreaterThan(5);
            assertThat(described(last.hits(), server.baseUrl()))
                    .isEqualTo(described(whole.guessing().hits(), whole.guessing().state().site().replaceAll("/$", "")));
            PlaceGuessing.State a = last.state();
            PlaceGuessing.State b = whole.guessing().state();
            assertThat(List.of(a.attempts(), a.misses(), a.unverified(), (int) a.requests()))
                    .isEqualTo(List.of(b.attempts(), b.misses(), b.unverified(), (int) b.requests()));
        }
    }
}
