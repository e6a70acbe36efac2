package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.archive.DepthProbe;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.guess.KnownHub;
import io.crawlseq.crawler.guess.LearnedPattern;
import io.crawlseq.crawler.guess.PlaceGuessing;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.crawler.testing.sites.PlaceSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints the figures of the issue-5 sections of {@code docs/hub-detection.md}: place hubs
 * (ensurePlaceHubs), place + topic hubs (findPlaceAndTopicHubs), guessed hubs (guessPlaceHubs,
 * with the HTTP requests spent per hub found) and depth probes (hubDepthProbe), each measured on
 * the cores those commands call, against the fixtures' ground truth.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/crawler -am test-compile exec:java \
 *   -Dexec.mainClass=io.crawlseq.crawler.harness.PlaceHubReport -Dexec.classpathScope=test
 * </pre>
 */
public final class PlaceHubReport {

    private static final Gazetteer GAZETTEER = Gazetteer.standard();

    public static void main(String[] args) {
        PrintStream out = System.out;
        placeHubs(out);
        guessing(out);
        depthProbes(out);
    }

    // --- ensurePlaceHubs and findPlaceAndTopicHubs -----------------------------------------------------

    private static void placeHubs(PrintStream out) {
        FixtureSite site = PlaceSites.regional();
        out.println("### Place hubs on the regional fixture (" + site.pageCount() + " pages)");
        out.println();
        out.println("| command (core) | kind | expected | reported | true positives | precision | recall | right gazetteer entry | HTTP requests |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            String base = server.baseUrl();
            List<String> countryHubs = new ArrayList<>();
            for (FixtureSite.ExpectedHub h : site.expected(HubKind.COUNTRY)) {
                countryHubs.add(base + h.path());
            }
            row(out, "ensurePlaceHubs", site, server, EnumSet.of(HubKind.REGION, HubKind.CITY), countryHubs);
            row(out, "findPlaceAndTopicHubs", site, server, EnumSet.of(HubKind.PLACE_TOPIC), List.of());
        }
        out.println();
    }

    private static void row(PrintStream out, String command, FixtureSite site, LoopbackServer server, Set<HubKind> kinds,
                            List<String> seeds) {
        server.clearLog();
        List<Hub> hubs;
        try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            hubs = HubFinder.find(crawler, UrlParser.parse(server.url("/")).orElseThrow(),
                    HubFinder.Options.of(kinds).extraSeeds(seeds).limits(4, 1000, 8)).hubs();
        }
        int requests = server.paths().size();
        for (HubKind kind : kinds) {
            int expected = 0;
            int truePositives = 0;
            int rightPlace = 0;
            int reported = 0;
            Set<String> expectedPaths = new HashSet<>();
            for (FixtureSite.ExpectedHub h : site.expected(kind)) {
                expected++;
                expectedPaths.add(h.path());
            }
            for (Hub hub : hubs) {
                if (hub.kind() != kind) {
                    continue;
                }
                reported++;
                String path = hub.url().substring(server.baseUrl().length());
                if (expectedPaths.contains(path)) {
                    truePositives++;
                    FixtureSite.ExpectedHub truth = site.expected(kind).stream().filter(h -> h.path().equals(path))
                            .findFirst().orElseThrow();
                    boolean right = truth.placeId() == null ? java.util.Objects.equals(truth.iso2(), hub.iso2())
                            : truth.placeId().equals(hub.placeId());
                    if (right && (kind != HubKind.PLACE_TOPIC || java.util.Objects.equals(truth.topic(), hub.topic()))) {
                        rightPlace++;
                    }
                }
            }
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %d / %d | %d |%n", command, kind.wireName(),
                    expected, reported, truePositives, reported == 0 ? 1.0 : (double) truePositives / reported,
                    expected == 0 ? 1.0 : (double) truePositives / expected, rightPlace, truePositives, requests);
        }
    }

    // --- guessPlaceHubs ------------------------------------------------------------------------------

    private static void guessing(PrintStream out) {
        out.println("### Guessed hubs (guessPlaceHubs)");
        out.println();
        out.println("Known hubs are what the hub finder reports on each site (as ensureCountryHubs and ensurePlaceHubs"
                + " would record them); hidden hubs are linked from nowhere.");
        out.println();
        out.println("| site | kinds | limit | known hubs | patterns learnt (best) | attempts | hits | true hits | hidden hubs"
                + " | precision | recall | HTTP requests | HEAD / GET | 429 answers | requests per hub found |");
        out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        guessRow(out, GuessSites.worldwide(), EnumSet.of(HubKind.COUNTRY), 60);
        guessRow(out, GuessSites.joined(), EnumSet.of(HubKind.COUNTRY), 40);
        guessRow(out, GuessSites.metro(), EnumSet.of(HubKind.REGION, HubKind.CITY), 120);
        out.println();
    }

    private static void guessRow(PrintStream out, FixtureSite site, Set<HubKind> kinds, int limit) {
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            String start = server.url(site.startPath());
            List<KnownHub> known = new ArrayList<>();
            try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                for (Hub h : HubFinder.find(crawler, UrlParser.parse(start).orElseThrow(),
                        HubFinder.Options.of(Set.of(HubKind.COUNTRY, HubKind.REGION, HubKind.CITY)).limits(4, 1000, 8)).hubs()) {
                    known.add(new KnownHub(h.url(), h.kind(), h.placeId(), h.iso2(), h.confidence(), h.verified()));
                }
            }
            server.clearLog();
            PlaceGuessing guessing;
            try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                guessing = PlaceGuessing.start(start, known, new PlaceGuessing.Options(kinds, limit, 0.7, null, 10_000),
                        GAZETTEER);
                WorkLoop.run(guessing, crawler, Long.MAX_VALUE);
            }
            Set<String> hidden = site.hiddenPaths();
            int trueHits = 0;
            for (PlaceGuessing.Hit hit : guessing.hits()) {
                if (hidden.contains(hit.hub().url().substring(server.baseUrl().length()))) {
                    trueHits++;
                }
            }
            int hits = guessing.hits().size();
            List<LoopbackServer.RecordedRequest> requests = server.requests();
            long heads = requests.stream().filter(r -> r.method().equals("HEAD")).count();
            long gets = requests.size() - heads;
            long repeated = requests.size() - requests.stream().map(r -> r.method() + " " + r.pathAndQuery()).distinct().count();
            List<LearnedPattern> patterns = guessing.patterns();
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d (`%s`) | %d | %d | %d | %d | %.3f | %.3f | %d | %d / %d | %d | %.2f |%n",
                    site.name(), kinds.stream().map(HubKind::wireName).sorted().toList(), limit, known.size(), patterns.size(),
                    patterns.isEmpty() ? "-" : patterns.get(0).text(), guessing.state().attempts(), hits, trueHits,
                    hidden.size(), hits == 0 ? 1.0 : (double) trueHits / hits, (double) trueHits / hidden.size(),
                    requests.size(), heads, gets, repeated, trueHits == 0 ? 0.0 : (double) requests.size() / trueHits);
        }
    }

    // --- hubDepthProbe -------------------------------------------------------------------------------

    private static void depthProbes(PrintStream out) {
        ArchiveSite site = ArchiveSite.standard();
        out.println("### Depth probes (hubDepthProbe) on the archive fixture");
        out.println();
        out.println("| hub | addressing | past the end | true depth | probed depth | style | loop | HTTP requests | walking it page by page |");
        out.println("| --- | --- | --- | ---: | ---: | --- | --- | ---: | ---: |");
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            for (ArchiveSite.Archive a : site.archives()) {
                try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
                    DepthProbe probe = DepthProbe.start(server.url(a.path()), new DepthProbe.Options(10_000, 1000));
                    WorkLoop.run(probe, crawler, Long.MAX_VALUE);
                    DepthProbe.Result r = probe.result();
                    out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %d | %d |%n", a.path(),
                            a.addressing().name().toLowerCase(Locale.ROOT), a.beyond().name().toLowerCase(Locale.ROOT)
                                    .replace('_', ' '), a.depth(), r.depth(), r.style(), r.loopDetected(), r.pagesProbed(),
                            a.depth() + 1);
                }
            }
        }
        out.println();
    }
}
