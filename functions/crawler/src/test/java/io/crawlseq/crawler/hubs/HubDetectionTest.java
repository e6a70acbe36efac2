package io.crawlseq.crawler.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hub finder on every fixture site reports exactly the site's hubs, author and tag pages. */
class HubDetectionTest {

    static Stream<FixtureSite> sites() {
        return FixtureSites.all().stream();
    }

    /** "kind path iso2|topic" lines, sorted, for the hubs a finder reported. */
    static List<String> describe(List<Hub> hubs, String base) {
        List<String> lines = new ArrayList<>();
        for (Hub h : hubs) {
            String extra = h.kind().isPlace() && h.iso2() != null && h.kind() == HubKind.COUNTRY ? " " + h.iso2()
                    : h.kind() == HubKind.TOPIC ? " " + h.topic() : "";
            lines.add(h.kind().wireName() + " " + h.url().substring(base.length()) + extra);
        }
        lines.sort(null);
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void hubFinder_reportsExactlyTheSitesHubs(FixtureSite site) {
        try (LoopbackServer server = LoopbackServer.start();
             Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            site.serve(server);
            WebUrl start = UrlParser.parse(server.url(site.startPath())).orElseThrow();

            HubFinder.Result result = HubFinder.find(crawler, start, HubFinder.Options.everything().limits(4, 1000, 8));

            assertThat(describe(result.hubs(), server.baseUrl())).isEqualTo(FixtureSite.describe(site.expected()));
            assertThat(result.partial()).isFalse();
            assertThat(server.paths()).noneMatch(p -> site.disallowedPrefixes().stream().anyMatch(p::startsWith));
        }
    }
}
