package io.crawlseq.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFetcherTest {

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        fetcher = new HttpFetcher(policy(), new ManualClock(), null);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchPolicy policy() {
        return FetchPolicy.defaults()
                .allowList(AllowList.parse(List.of(server.hostPort())).allowList())
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500))
                .maxBytes(1 << 20, 4 << 20, 500 << 10);
    }

    private static WebUrl url(String url) {
        return UrlParser.parse(url).orElseThrow();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(FetchRequest.page(url(server.url(path))));
    }

    @Test
    void fetch_returnsDecodedPageWithChainAndHeaders() {
        server.route("/", Responses.html("<title>Hello ✓</title>"));

        FetchResult result = get("/");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).isEqualTo("<title>Hello ✓</title>");
        assertThat(result.finalUrl()).isEqualTo(server.url("/"));
        assertThat(result.chain()).hasSize(1);
        assertThat(result.contentType()).isEqualTo("text/html");
        assertThat(result.httpVersion()).isEqualTo("HTTP/1.1");
        LoopbackServer.RecordedRequest request = server.requests().get(0);
        assertThat(request.header("User-Agent")).isEqualTo(FetchPolicy.DEFAULT_USER_AGENT);
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip, deflate, br");
        assertThat(request.header("Accept")).startsWith("text/html");
    }

    @Test
    void fetch_decodesGzipDeflateAndBrotli() {
        byte[] page = "<p>compressed page</p>".repeat(50).getBytes(StandardCharsets.UTF_8);
        server.route("/gzip", Responses.gzip("text/html", page));
        server.route("/zlib", Responses.deflate("text/html", page, true));
        server.route("/raw-deflate", Responses.deflate("text/html", page, false));
        server.route("/br", Responses.resource("text/html", "/io/crawlseq/crawler/fixtures/page.html.br", "br"));

        assertThat(get("/gzip").text()).isEqualTo(new String(page, StandardCharsets.UTF_8));
        assertThat(get("/zlib").text()).isEqualTo(new String(page, StandardCharsets.UTF_8));
        assertThat(get("/raw-deflate").text()).isEqualTo(new String(page, StandardCharsets.UTF_8));
        FetchResult br = get("/br");
        assertThat(br.text()).isEqualTo(new String(
                Responses.resourceBytes("/io/crawlseq/crawler/fixtures/page.html.txt"), StandardCharsets.UTF_8));
        assertThat(br.wireBytes()).isLessThan(br.bodyBytes());
    }

    @Test
    void fetch_cutsGzipBombAtTheCapWhileStreaming() {
        Responses.Response bomb = Responses.gzipBomb("text/html", 100L << 20);
        server.route("/bomb", bomb);

        FetchResult result = get("/bomb");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.bodyBytes()).isBetween(1L << 20, (1L << 20) + 1);
        assertThat(result.body()).isEmpty();
        assertThat(result.wireBytes()).as("stopped reading long before the end").isLessThan(20_000);
    }

    @Test
    void fetch_cutsBrotliBombAtTheCap() {
        server.route("/bomb", Responses.resource("text/html", "/io/crawlseq/crawler/fixtures/bomb-100MiB.br", "br"));

        FetchResult result = get("/bomb");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.bodyBytes()).isEqualTo((1L << 20) + 1);
    }

    @Test
    void fetch_refusesHugeUncompressedPage() {
        server.route("/huge", Responses.huge(50L << 20));

        FetchResult result = get("/huge");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.detail()).contains("larger than 1048576 bytes");
    }

    @Test
    void fetch_truncatesInsteadOfFailingWhenAsked() {
        server.route("/huge", Responses.huge(5L << 20));

        FetchResult result = fetcher.fetch(FetchRequest.page(url(server.url("/huge"))).withMaxBytes(1000, true));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.body()).hasSize(1000);
        assertThat(result.detail()).isEqualTo("truncated at cap");
    }

    @Test
    void fetch_timesOutOnAServerThatNeverAnswers() {
        server.route("/hang", Responses.hang());

        FetchResult result = get("/hang");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(result.retryable()).isTrue();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void fetch_cutsASlowDripAtTheTotalTimeCap() {
        server.route("/drip", Responses.drip(100_000, 20));

        FetchResult result = get("/drip");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(result.detail()).contains("body not complete");
        assertThat(result.bodyBytes()).isBetween(1L, 99_999L);
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void fetch_followsRedirectsHopByHop() {
        server.route("/a", Responses.redirect(301, "/b"));
        server.route("/b", Responses.redirect(302, server.url("/c?x=1")));
        server.route("/c", Responses.redirect(307, "d"));
        server.route("/d", Responses.html("end"));

        FetchResult result = get("/a");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.finalUrl()).isEqualTo(server.url("/d"));
        assertThat(result.chain()).extracting(Hop::status).containsExactly(301, 302, 307, 200);
        assertThat(result.redirects()).isEqualTo(3);
        assertThat(server.paths()).containsExactly("/a", "/b", "/c?x=1", "/d");
    }

    @Test
    void fetch_stopsRedirectLoops() {
        server.route("/a", Responses.redirect(302, "/b"));
        server.route("/b", Responses.redirect(302, "/a"));

        FetchResult result = get("/a");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(result.detail()).contains("redirect loop");
        assertThat(server.paths()).containsExactly("/a", "/b");
    }

    @Test
    void fetch_stopsAfterTenRedirects() {
        server.dynamic(path -> path.startsWith("/r/")
                ? Responses.redirect(302, "/r/" + (Integer.parseInt(path.substring(3)) + 1)) : null);

        FetchResult result = get("/r/0");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(result.detail()).isEqualTo("more than 10 redirects");
        assertThat(server.paths()).hasSize(11);
    }

    @Test
    void fetch_reportsRedirectWithoutFollowingWhenAsked() {
        server.route("/a", Responses.redirect(301, "/b"));

        FetchResult result = fetcher.fetch(FetchRequest.page(url(server.url("/a"))).withFollowRedirects(false));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(result.chain().get(0).location()).isEqualTo("/b");
        assertThat(server.paths()).containsExactly("/a");
    }

    @ParameterizedTest(name = "redirect to {0}")
    @ValueSource(strings = {
            "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::ffff:127.0.0.1]:PORT/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://017700000001/",
            "http://127.0.0.2:PORT/",
            "http://localhost.:PORT/",
            "http://localhost:PORT/",
            "http://app.localhost:PORT/",
            "http://[::1]:PORT/",
            "http://0.0.0.0:PORT/",
            "http://100.64.0.1/",
            "http://192.168.1.1/",
            "http://172.16.0.1/",
            "http://[fd00:ec2::254]/",
            "http://[fe80::1]/",
            "http://[64:ff9b::7f00:1]:PORT/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://127.0.0.1:1/",
    })
    void fetch_refusesRedirectToNonPublicAddressWithoutConnecting(String target) {
        server.route("/start", Responses.redirect(302, target.replace("PORT", String.valueOf(server.port()))));

        FetchResult result = get("/start");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).startsWith("redirect to ").contains("refused");
        assertThat(server.paths()).containsExactly("/start");
    }

    @Test
    void fetch_allowListComparesCanonicalHosts() {
        // 0x7f.1 is 127.0.0.1 (WHATWG IPv4 parsing): the same host and port as the allowed fixture.
        server.route("/start", Responses.redirect(302, "http://0x7f.1:" + server.port() + "/end"));
        server.route("/end", Responses.html("same host"));

        FetchResult result = get("/start");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.finalUrl()).isEqualTo(server.url("/end"));
    }

    @Test
    void fetch_refusesLoopbackThatIsNotAllowListed() {
        HttpFetcher strict = new HttpFetcher(FetchPolicy.defaults(), new ManualClock(), null);

        FetchResult result = strict.fetch(FetchRequest.page(url(server.url("/"))));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("127.0.0.1 is a loopback address");
        assertThat(result.chain()).isEmpty();
        assertThat(server.requests()).isEmpty();
        strict.close();
    }

    @Test
    void fetch_pinsTheCheckedAddressForTheConnection() {
        // The resolver answers loopback once, then an unroutable address: a second lookup by the
        // HTTP client (DNS rebinding) would fail the request. The pin makes it use the first answer.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> {
            if (!host.equals("news.rebind.test")) {
                throw new UnknownHostException(host);
            }
            return List.of(lookups.getAndIncrement() == 0
                    ? InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
                    : InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 9}));
        };
        FetchPolicy pinned = policy().resolver(rebinding)
                .allowList(AllowList.parse(List.of("news.rebind.test:" + server.port())).allowList());
        server.route("/", Responses.html("pinned"));

        try (HttpFetcher f = new HttpFetcher(pinned, new ManualClock(), null)) {
            FetchResult result = f.fetch(FetchRequest.page(url("http://news.rebind.test:" + server.port() + "/")));

            assertThat(AddressPins.isActive()).isTrue();
            assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
            assertThat(result.text()).isEqualTo("pinned");
            assertThat(lookups).hasValue(1);
            assertThat(server.requests().get(0).header("Host")).isEqualTo("news.rebind.test:" + server.port());
        }
    }

    @Test
    void fetch_refusesNameResolvingToLoopbackUnlessAllowListed() {
        HostResolver toLoopback = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        try (HttpFetcher f = new HttpFetcher(policy().resolver(toLoopback), new ManualClock(), null)) {
            FetchResult result = f.fetch(FetchRequest.page(url("http://evil.example:" + server.port() + "/")));

            assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
            assertThat(result.detail()).isEqualTo("evil.example resolves to 127.0.0.1, a loopback address");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void fetch_allowListEntryOpensOnlyItsPort() {
        try (LoopbackServer other = LoopbackServer.start()) {
            other.route("/", Responses.html("other"));
            server.route("/", Responses.redirect(302, other.url("/")));

            FetchResult result = get("/");

            assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void fetch_unknownHostIsANetworkError() {
        HostResolver nothing = host -> {
            throw new UnknownHostException(host);
        };
        try (HttpFetcher f = new HttpFetcher(policy().resolver(nothing), new ManualClock(), null)) {
            FetchResult result = f.fetch(FetchRequest.page(url("http://no-such-host.example/")));

            assertThat(result.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
            assertThat(result.detail()).isEqualTo("unknown host no-such-host.example");
            assertThat(result.retryable()).isFalse();
        }
    }

    @Test
    void fetch_connectionRefusedIsARetryableNetworkError() {
        LoopbackServer closed = LoopbackServer.start();
        String url = closed.url("/");
        String hostPort = closed.hostPort();
        closed.close();
        try (HttpFetcher f = new HttpFetcher(policy().allowList(AllowList.parse(List.of(hostPort)).allowList()),
                new ManualClock(), null)) {
            FetchResult result = f.fetch(FetchRequest.page(url(url)));

            assertThat(result.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
            assertThat(result.retryable()).isTrue();
        }
    }

    @Test
    void fetch_refusesRedirectLeavingTheScope() {
        server.route("/a", Responses.redirect(302, "/elsewhere/x"));

        FetchResult result = fetcher.fetch(FetchRequest.page(url(server.url("/a")))
                .withScope(u -> !u.path().startsWith("/elsewhere")));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("outside the crawl scope");
        assertThat(server.paths()).containsExactly("/a");
    }

    @Test
    void fetch_checksRobotsOnEveryHop() {
        server.route("/a", Responses.redirect(302, "/private/x"));
        try (HttpFetcher f = fetcher.withRobots(u -> !u.path().startsWith("/private"))) {
            FetchResult result = f.fetch(FetchRequest.page(url(server.url("/a"))));

            assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_ROBOTS);
            assertThat(result.finalUrl()).isEqualTo(server.url("/private/x"));
            assertThat(server.paths()).containsExactly("/a");
        }
    }

    @Test
    void fetch_readsCharsetDeclaredOnlyInMeta() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body>café – “quoted” €</body></html>";
        server.route("/", Responses.encoded(html, Charset.forName("windows-1252"), "text/html"));

        FetchResult result = get("/");

        assertThat(result.charset().name()).isEqualTo("windows-1252");
        assertThat(result.text()).contains("café – “quoted” €");
    }

    @Test
    void fetch_readsShiftJisFromTheHeader() {
        String html = "<html><body>日本語のニュース</body></html>";
        server.route("/", Responses.encoded(html, Charset.forName("windows-31j"), "text/html; charset=Shift_JIS"));

        assertThat(get("/").text()).contains("日本語のニュース");
    }

    @Test
    void fetch_treatsLatin1LabelAsWindows1252AndMetaCharsetShortForm() {
        String html = "<meta charset=\"ISO-8859-1\"><p>“smart” quotes</p>";
        server.route("/", Responses.encoded(html, Charset.forName("windows-1252"), "text/html"));

        assertThat(get("/").text()).contains("“smart” quotes");
    }

    @Test
    void fetch_byteOrderMarkWinsOverAWrongHeader() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] text = "<p>naïve</p>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(text, 0, body, 3, text.length);
        server.route("/", Responses.bytes(200, "text/html; charset=iso-8859-1", body));

        FetchResult result = get("/");

        assertThat(result.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.text()).isEqualTo("<p>naïve</p>");
    }

    @Test
    void fetch_replacesUndecodableBytes() {
        byte[] body = {'<', 'p', '>', (byte) 0xff, (byte) 0xfe, 'x', '<', '/', 'p', '>'};
        server.route("/", Responses.bytes(200, "text/html; charset=utf-8", body));

        assertThat(get("/").text()).isEqualTo("<p>\uFFFD\uFFFDx</p>");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/pdf", "image/png", "application/json", "video/mp4"})
    void fetch_refusesNonHtmlForPages(String contentType) {
        server.route("/file", Responses.bytes(200, contentType, new byte[] {1, 2, 3}));

        FetchResult result = get("/file");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).isEqualTo("content type " + contentType + " is not accepted for page");
        assertThat(result.body()).isEmpty();
    }

    @Test
    void fetch_refusesBinaryBodyWithoutContentType() {
        server.route("/file", Responses.bytes(200, null, "%PDF-1.7 binary".getBytes(StandardCharsets.US_ASCII)));

        FetchResult result = get("/file");

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("not text");
    }

    @Test
    void fetch_acceptsXmlAndGzipForSitemaps() {
        server.route("/sitemap.xml", Responses.xml("<urlset/>"));
        server.route("/sitemap.xml.gz", Responses.bytes(200, "application/x-gzip", Responses.gzipBytes("<urlset/>".getBytes())));

        FetchResult xml = fetcher.fetch(FetchRequest.of(url(server.url("/sitemap.xml")), ContentKind.SITEMAP));
        FetchResult gz = fetcher.fetch(FetchRequest.of(url(server.url("/sitemap.xml.gz")), ContentKind.SITEMAP));

        assertThat(xml.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(gz.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(gz.contentType()).isEqualTo("application/x-gzip");
    }

    @Test
    void fetch_sendsValidatorsAndReportsNotModified() {
        server.route("/", Responses.conditional("\"v1\"", "<p>v1</p>"));

        FetchResult first = get("/");
        FetchResult second = get("/");

        assertThat(first.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(second.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(second.status()).isEqualTo(304);
        assertThat(server.requests().get(0).header("If-None-Match")).isNull();
        assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void fetch_headRequestsReadNoBody() {
        server.route("/hub", Responses.html("<p>listing</p>"));

        FetchResult result = fetcher.fetch(FetchRequest.page(url(server.url("/hub"))).withMethod("HEAD"));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.body()).isEmpty();
        assertThat(server.requests().get(0).method()).isEqualTo("HEAD");
    }

    @Test
    void fetch_mapsStatusesToOutcomes() {
        server.route("/404", Responses.status(404));
        server.route("/429", Responses.status(429).header("Retry-After", "120"));
        server.route("/500", Responses.status(500));
        server.route("/501", Responses.status(501));
        server.route("/503", Responses.status(503).header("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT"));

        FetchResult notFound = get("/404");
        FetchResult tooMany = get("/429");
        FetchResult serverError = get("/500");
        FetchResult notImplemented = get("/501");
        FetchResult unavailable = get("/503");

        assertThat(notFound.outcome()).isEqualTo(FetchOutcome.CLIENT_ERROR);
        assertThat(notFound.retryable()).isFalse();
        assertThat(tooMany.outcome()).isEqualTo(FetchOutcome.CLIENT_ERROR);
        assertThat(tooMany.retryable()).isTrue();
        assertThat(tooMany.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(serverError.outcome()).isEqualTo(FetchOutcome.SERVER_ERROR);
        assertThat(serverError.retryable()).isTrue();
        assertThat(notImplemented.retryable()).isFalse();
        assertThat(unavailable.retryAfter()).isGreaterThan(Duration.ofDays(365));
    }
}
