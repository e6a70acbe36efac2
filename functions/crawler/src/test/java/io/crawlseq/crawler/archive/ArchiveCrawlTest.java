package io.crawlseq.crawler.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Archive walks collect exactly the stories of the pages that exist, stop where the archive ends, and resume. */
class ArchiveCrawlTest {

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
        return SITE.archives().stream().filter(a -> a.depth() < 100);
    }

    private static List<String> paths(List<ArticleRecord> records) {
        return records.stream().map(r -> r.url().substring(server.baseUrl().length())).toList();
    }

    private static List<ArticleRecord> crawl(List<String> hubPaths, ArchiveCrawl.Options options) {
        List<ArticleRecord> records = new ArrayList<>();
        try (Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            ArchiveCrawl crawl = ArchiveCrawl.start(hubPaths.stream().map(server::url).toList(), options, records::add);
            assertThat(WorkLoop.run(crawl, crawler, Long.MAX_VALUE)).isTrue();
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void walk_collectsTheStoriesOfEveryPageThatExists(ArchiveSite.Archive archive) {
        List<ArticleRecord> records = crawl(List.of(archive.path()), ArchiveCrawl.Options.of(50));

        assertThat(paths(records)).containsExactlyElementsOf(SITE.storyPaths(archive.path()));
        assertThat(records).allSatisfy(r -> assertThat(r.hubUrl()).isEqualTo(server.url(archive.path())));
    }

    @Test
    void walk_stopsAtMaxPages() {
        List<ArticleRecord> records = crawl(List.of("/archive/query"), ArchiveCrawl.Options.of(4));

        assertThat(paths(records)).containsExactlyElementsOf(SITE.storyPaths("/archive/query", 4));
    }

    @Test
    void walk_withFetchArticles_recordsWhatTheStoriesSay() {
        List<ArticleRecord> records = crawl(List.of("/archive/wrap"), ArchiveCrawl.Options.of(50).fetchArticles(true));

        assertThat(records).hasSize(60);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.publishedAt()).startsWith("2024-05-12");
            assertThat(r.section()).isEqualTo("Archive");
            assertThat(r.title()).contains("wrap story");
        });
    }

    @Test
    void roundRobin_visitsEveryHubBeforeGoingDeeper() {
        List<ArticleRecord> records = crawl(List.of("/archive/query", "/archive/soft", "/archive/older"),
                ArchiveCrawl.Options.of(50).order(ArchiveCrawl.Order.ROUND_ROBIN).maxArticles(45));

        assertThat(records).hasSize(45);
        List<String> expected = new ArrayList<>();
        expected.addAll(SITE.storyPaths("/archive/query", 1));
        expected.addAll(SITE.storyPaths("/archive/soft", 1));
        expected.addAll(SITE.storyPaths("/archive/older", 1));
        expected.addAll(SITE.storyPaths("/archive/query").subList(10, 20));
        expected.addAll(SITE.storyPaths("/archive/soft").subList(10, 15));
        assertThat(paths(records)).containsExactlyElementsOf(expected);
    }

    @Test
    void walk_respectsTheRequestBudget() {
        List<ArticleRecord> records = crawl(List.of("/archive/query"), ArchiveCrawl.Options.of(50).maxRequests(3));

        assertThat(paths(records)).containsExactlyElementsOf(SITE.storyPaths("/archive/query", 3));
    }

    @Test
    void storiesListedOnTwoHubs_areCountedOnce() {
        List<ArticleRecord> records = crawl(List.of("/archive/wrap", "/archive/wrap/"), ArchiveCrawl.Options.of(50));

        assertThat(records).hasSize(60);
    }

    @Test
    void crawlCutIntoPiecesThroughJson_endsLikeOneRun() throws Exception {
        ArchiveCrawl.Options options = ArchiveCrawl.Options.of(10).fetchArticles(true)
                .order(ArchiveCrawl.Order.ROUND_ROBIN).maxArticles(70);
        List<String> hubs = List.of("/archive/clamp", "/archive/cycle", "/archive/number");
        List<ArticleRecord> whole = crawl(hubs, options);
        ManualClock clock = new ManualClock();
        List<ArticleRecord> pieces = new ArrayList<>();
        String state = ArchiveCrawl.start(hubs.stream().map(server::url).toList(), options, r -> { }).state().toJson();
        int invocations = 0;
        boolean done = false;
        while (!done) {
            invocations++;
            try (Crawler crawler = Crawler.create(TestConfigs.forServers(clock, server))) {
                ArchiveCrawl crawl = ArchiveCrawl.resume(ArchiveCrawl.State.fromJson(state), pieces::add);
                done = WorkLoop.run(crawl, crawler, clock.nowMillis() + 4500);
                state = crawl.state().toJson();
            }
        }
        assertThat(invocations).isGreaterThan(10);
        assertThat(pieces).isEqualTo(whole);
        assertThat(whole).hasSize(70);
    }
}
