package io.crawlseq.crawler.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SitemapTest {

    private final SitemapParser parser = new SitemapParser(10 << 20, 1000);

    private static final String URLSET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                    xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>https://news.example/world/france</loc><lastmod>2024-05-12</lastmod></url>
              <url>
                <loc>https://news.example/2024/05/12/election</loc>
                <image:image><image:loc>https://img.example/a.jpg</image:loc></image:image>
                <news:news>
                  <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
                  <news:publication_date>2024-05-12T10:30:00+02:00</news:publication_date>
                  <news:title>Election result</news:title>
                </news:news>
              </url>
            </urlset>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_readsUrlsetWithNewsAndIgnoresImages() {
        SitemapDocument document = parser.parse("https://news.example/sitemaps/news.xml", bytes(URLSET), "application/xml");

        assertThat(document).isInstanceOfSatisfying(SitemapDocument.UrlSet.class, set -> {
            assertThat(set.entries()).extracting(SitemapEntry::url)
                    .containsExactly("https://news.example/world/france", "https://news.example/2024/05/12/election");
            assertThat(set.entries().get(0).news()).isNull();
            assertThat(set.entries().get(0).lastModified()).isEqualTo(Instant.parse("2024-05-12T00:00:00Z"));
            SitemapEntry.NewsInfo news = set.entries().get(1).news();
            assertThat(news.title()).isEqualTo("Election result");
            assertThat(news.publicationName()).isEqualTo("Example News");
            assertThat(news.language()).isEqualTo("en");
            assertThat(news.publicationDate()).isEqualTo(Instant.parse("2024-05-12T08:30:00Z"));
        });
    }

    @Test
    void parse_readsIndexes() {
        String index = """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example/sitemap-1.xml.gz</loc></sitemap>
                  <sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap>
                </sitemapindex>""";

        SitemapDocument document = parser.parse("https://news.example/sitemap.xml", bytes(index), "text/xml");

        assertThat(document).isInstanceOfSatisfying(SitemapDocument.Index.class, i -> assertThat(i.sitemaps())
                .containsExactly("https://news.example/sitemap-1.xml.gz", "https://news.example/sitemap-news.xml"));
    }

    @Test
    void parse_inflatesGzipByMagicBytesWhateverTheContentType() {
        byte[] gz = Responses.gzipBytes(bytes(URLSET));

        SitemapDocument document = parser.parse("https://news.example/s.xml.gz", gz, "application/octet-stream");

        assertThat(document).isInstanceOfSatisfying(SitemapDocument.UrlSet.class, s -> assertThat(s.entries()).hasSize(2));
    }

    @Test
    void parse_refusesGzipBombBeyondTheCap() {
        byte[] zeros = new byte[20 << 20];
        SitemapParser small = new SitemapParser(1 << 20, 1000);

        SitemapDocument document = small.parse("https://news.example/bomb.xml.gz", Responses.gzipBytes(zeros), "application/gzip");

        assertThat(document).isInstanceOfSatisfying(SitemapDocument.Unreadable.class,
                u -> assertThat(u.reason()).isEqualTo("larger than 1048576 bytes after decompression"));
    }

    @Test
    void parse_readsTextSitemapsAndReportsGarbage() {
        SitemapDocument text = parser.parse("https://news.example/s.txt",
                bytes("https://news.example/a\nhttps://news.example/b\n"), "text/plain");
        SitemapDocument garbage = parser.parse("https://news.example/s.xml", bytes("<html><body>oops"), "text/xml");

        assertThat(text).isInstanceOfSatisfying(SitemapDocument.UrlSet.class, s -> assertThat(s.entries()).hasSize(2));
        assertThat(garbage).isInstanceOf(SitemapDocument.Unreadable.class);
    }

    @Test
    void parse_capsEntriesPerDocument() {
        StringBuilder xml = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 50; i++) {
            xml.append("<url><loc>https://news.example/p").append(i).append("</loc></url>");
        }
        xml.append("</urlset>");

        SitemapDocument document = new SitemapParser(1 << 20, 10).parse("https://news.example/s.xml", bytes(xml.toString()), "text/xml");

        assertThat(document).isInstanceOfSatisfying(SitemapDocument.UrlSet.class, s -> {
            assertThat(s.entries()).hasSize(10);
            assertThat(s.truncated()).isTrue();
        });
    }

    @Test
    void discover_followsRobotsSitemapsIndexesAndGzip() {
        try (LoopbackServer server = LoopbackServer.start();
             Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            String base = server.baseUrl();
            server.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private\nSitemap: " + base + "/sitemap-index.xml\n"));
            server.route("/sitemap-index.xml", Responses.xml("""
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>BASE/sitemap-pages.xml.gz</loc></sitemap>
                      <sitemap><loc>BASE/sitemap-news.xml</loc></sitemap>
                      <sitemap><loc>BASE/missing.xml</loc></sitemap>
                      <sitemap><loc>BASE/nested-index.xml</loc></sitemap>
                    </sitemapindex>""".replace("BASE", base)));
            server.route("/sitemap-pages.xml.gz", Responses.bytes(200, "application/x-gzip", Responses.gzipBytes(bytes("""
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <url><loc>BASE/world/france</loc></url>
                      <url><loc>BASE/world/germany?utm_source=sitemap</loc></url>
                      <url><loc>https://elsewhere.example/x</loc></url>
                    </urlset>""".replace("BASE", base)))));
            server.route("/sitemap-news.xml", Responses.xml(URLSET.replace("https://news.example", base)));
            server.route("/nested-index.xml", Responses.xml("""
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>BASE/deep.xml</loc></sitemap>
                    </sitemapindex>""".replace("BASE", base)));
            server.route("/deep.xml", Responses.xml("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>" + base + "/deep-page</loc></url></urlset>"));
            WebUrl site = UrlParser.parse(base + "/").orElseThrow();

            SitemapDiscovery found = crawler.sitemaps(site, SitemapOptions.defaults().maxDepth(1));

            assertThat(found.entries()).extracting(SitemapEntry::url).containsExactly(
                    base + "/world/france", base + "/world/germany", base + "/world/france".replace("/world/france", "/2024/05/12/election"));
            assertThat(found.newsUrlCount()).isEqualTo(1);
            assertThat(found.sitemaps()).extracting(SitemapDiscovery.Visit::kind).containsExactly(
                    SitemapDiscovery.Kind.INDEX, SitemapDiscovery.Kind.URLSET, SitemapDiscovery.Kind.URLSET,
                    SitemapDiscovery.Kind.FAILED, SitemapDiscovery.Kind.INDEX);
            assertThat(found.sitemaps().get(3).outcome()).isEqualTo(FetchOutcome.CLIENT_ERROR);
            assertThat(found.truncated()).as("nested index beyond maxDepth").isTrue();
            assertThat(server.paths()).doesNotContain("/deep.xml");
        }
    }

    @Test
    void discover_fallsBackToSitemapXml() {
        try (LoopbackServer server = LoopbackServer.start();
             Crawler crawler = Crawler.create(TestConfigs.fast(new ManualClock(), server))) {
            server.route("/sitemap.xml", Responses.xml("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>" + server.url("/a") + "</loc></url></urlset>"));

            SitemapDiscovery found = crawler.sitemaps(UrlParser.parse(server.url("/")).orElseThrow(), SitemapOptions.defaults());

            assertThat(found.entries()).extracting(SitemapEntry::url).containsExactly(server.url("/a"));
            assertThat(found.sitemaps().get(0).source()).isEqualTo("default location");
        }
    }
}
