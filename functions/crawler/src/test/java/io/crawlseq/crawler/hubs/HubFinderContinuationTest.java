package io.crawlseq.crawler.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HubFinderContinuationTest {

    @Test
    void findCountryHubs_withATinyTimeBudgetAcrossContinuationsEqualsOneLongRun() throws Exception {
        FixtureSite site = FixtureSites.continental();
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            WebUrl start = UrlParser.parse(server.url("/")).orElseThrow();
            HubFinder.Options options = HubFinder.Options.of(Set.of(HubKind.COUNTRY, HubKind.PLACE)).limits(4, 300, 4);

            ManualClock clock = new ManualClock();
            HubFinder.Result single;
            try (Crawler crawler = Crawler.create(config(clock, server))) {
                single = HubFinder.find(crawler, start, options, p -> { });
            }

            ManualClock pieceClock = new ManualClock();
            HubFinder.Result piece;
            int invocations = 1;
            try (Crawler crawler = Crawler.create(config(pieceClock, server))) {
                piece = HubFinder.find(crawler, start, options.deadline(pieceClock.nowMillis() + 7_000), p -> { });
            }
            while (piece.partial() && invocations < 200) {
                invocations++;
                HubFinder.State state = HubFinder.State.fromJson(piece.state().toJson());
                try (Crawler crawler = Crawler.create(config(pieceClock, server))) {   // a fresh crawler per invocation
                    piece = HubFinder.resume(crawler, options.deadline(pieceClock.nowMillis() + 7_000), state, p -> { });
                }
            }

            assertThat(invocations).isGreaterThan(5);
            assertThat(piece.partial()).isFalse();
            assertThat(piece.hubs()).isEqualTo(single.hubs());
            assertThat(piece.hubs()).extracting(Hub::iso2).filteredOn(iso -> iso != null).hasSize(18);
        }
    }

    private static CrawlerConfig config(ManualClock clock, LoopbackServer server) {
        return TestConfigs.forServers(clock, server).politeness(Politeness.defaults());
    }
}
