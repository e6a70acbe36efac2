package io.crawlseq.crawler.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.PlaceSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regions, cities and place topics of the regional fixture, each resolved to the right gazetteer entry. */
class PlaceHubsTest {

    private static final FixtureSite SITE = PlaceSites.regional();
    private static LoopbackServer server;

    @BeforeAll
    static void serve() {
        server = LoopbackServer.start();
        SITE.serve(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Hub> find(HubFinder.Options options) {
        try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            return HubFinder.find(crawler, UrlParser.parse(server.url("/")).orElseThrow(), options.limits(4, 1000, 8)).hubs();
        }
    }

    /** "kind path iso2 topic placeId" lines. */
    private static List<String> describe(List<Hub> hubs) {
        List<String> lines = new ArrayList<>();
        for (Hub h : hubs) {
            lines.add(line(h.kind(), h.url().substring(server.baseUrl().length()), h.iso2(), h.topic(),
                    h.kind() == HubKind.REGION || h.kind() == HubKind.CITY || h.iso2() != null && h.kind() == HubKind.PLACE_TOPIC
                            ? h.placeId() : null));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> expected(Set<HubKind> kinds) {
        List<String> lines = new ArrayList<>();
        for (FixtureSite.ExpectedHub h : SITE.expected()) {
            if (kinds.contains(h.kind())) {
                lines.add(line(h.kind(), h.path(), h.iso2(), h.topic(), h.placeId()));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String line(HubKind kind, String path, String iso2, String topic, String placeId) {
        return kind.wireName() + " " + path + " " + iso2 + " " + topic + " " + placeId;
    }

    @Test
    void regionsAndCities_areFoundWithTheirGazetteerEntries() {
        Set<HubKind> kinds = Set.of(HubKind.REGION, HubKind.CITY);

        List<Hub> hubs = find(HubFinder.Options.of(kinds));

        assertThat(describe(hubs)).isEqualTo(expected(kinds));
    }

    @Test
    void placeTopics_areFoundWithTheirPlaceAndTopic() {
        Set<HubKind> kinds = Set.of(HubKind.PLACE_TOPIC);

        List<Hub> hubs = find(HubFinder.Options.of(kinds));

        assertThat(describe(hubs)).isEqualTo(expected(kinds));
    }

    @Test
    void everyHub_isReportedWithItsKind() {
        List<Hub> hubs = find(HubFinder.Options.everything());

        List<String> reported = new ArrayList<>();
        hubs.forEach(h -> reported.add(h.kind().wireName() + " " + h.url().substring(server.baseUrl().length())));
        List<String> expected = new ArrayList<>();
        SITE.expected().forEach(h -> expected.add(h.kind().wireName() + " " + h.path()));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCountryFilter_keepsThatCountrysPlacesOnly() {
        List<Hub> hubs = find(HubFinder.Options.of(Set.of(HubKind.REGION, HubKind.CITY, HubKind.PLACE_TOPIC))
                .countries(Set.of("AU")));

        assertThat(hubs).extracting(Hub::iso2).containsOnly("AU");
        assertThat(hubs).hasSize(5);
    }
}
