package io.crawlseq.crawler.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.time.ManualClock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The depth probe on every kind of archive: exact depth, style and loops, few requests, and resumable. */
class DepthProbeTest {

    private static final ArchiveSite SITE = ArchiveSite.standard();
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

    static Stream<ArchiveSite.Archive> archives() {
        return SITE.archives().stream();
    }

    private static DepthProbe.Result probe(String path, int maxPage, long maxRequests) {
        try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            DepthProbe probe = DepthProbe.start(server.url(path), new DepthProbe.Options(maxPage, maxRequests));
            assertThat(WorkLoop.run(probe, crawler, Long.MAX_VALUE)).isTrue();
            return probe.result();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void probe_reportsTheArchivesDepthStyleAndLoops(ArchiveSite.Archive archive) {
        DepthProbe.Result result = probe(archive.path(), 10_000, 1000);

        assertThat(result.depth()).as(result.stop()).isEqualTo(archive.depth());
        assertThat(result.style()).isEqualTo(archive.style());
        assertThat(result.loopDetected()).as(result.stop()).isEqualTo(archive.loops());
        assertThat(result.exact()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void probe_ofNumberedPages_spendsLogarithmicallyManyRequests(ArchiveSite.Archive archive) {
        DepthProbe.Result result = probe(archive.path(), 10_000, 1000);

        int log2 = 32 - Integer.numberOfLeadingZeros(archive.depth());
        int bound = archive.addressing() == ArchiveSite.Addressing.CURSOR ? archive.depth() + 2 : 2 * log2 + 4;
        assertThat(result.pagesProbed()).isLessThanOrEqualTo(bound);
    }

    @Test
    void probe_stopsAtMaxPage() {
        DepthProbe.Result result = probe("/archive/query", 20, 1000);

        assertThat(result.depth()).isEqualTo(20);
        assertThat(result.exact()).isTrue();
    }

    @Test
    void probe_withinARequestBudget_reportsALowerBound() {
        DepthProbe.Result result = probe("/archive/deep", 10_000, 6);

        assertThat(result.pagesProbed()).isEqualTo(6);
        assertThat(result.exact()).isFalse();
        assertThat(result.depth()).isBetween(1, 1500);
    }

    @Test
    void probe_ofAMissingHub_reportsDepthZero() {
        DepthProbe.Result result = probe("/archive/nothing-here", 100, 100);

        assertThat(result.depth()).isZero();
        assertThat(result.stop()).contains("404");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void probe_cutIntoPiecesThroughJson_endsLikeOneRun(ArchiveSite.Archive archive) throws Exception {
        DepthProbe.Result whole = probe(archive.path(), 10_000, 1000);
        ManualClock clock = new ManualClock();
        String state = DepthProbe.start(server.url(archive.path()), new DepthProbe.Options(10_000, 1000)).state().toJson();
        int pieces = 0;
        boolean done = false;
        while (!done) {
            pieces++;
            // default politeness: one second between requests, so a 2.5 s piece makes two or three of them
            try (Crawler crawler = Crawler.create(TestConfigs.forServers(clock, server))) {
                DepthProbe probe = DepthProbe.resume(DepthProbe.State.fromJson(state));
                done = WorkLoop.run(probe, crawler, clock.nowMillis() + 2500);
                state = probe.state().toJson();
                if (done) {
                    assertThat(probe.result()).isEqualTo(whole);
                }
            }
        }
        assertThat(pieces).isGreaterThan(whole.pagesProbed() > 4 ? 1 : 0);
    }
}
