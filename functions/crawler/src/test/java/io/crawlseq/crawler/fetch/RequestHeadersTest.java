package io.crawlseq.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadersTest {

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        fetcher = new HttpFetcher(FetchPolicy.defaults()
                .allowList(AllowList.parse(List.of(server.hostPort())).allowList())
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), new ManualClock(), null);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private WebUrl url(String path) {
        return UrlParser.parse(server.url(path)).orElseThrow();
    }

    @Test
    void fetch_sendsExtraHeadersOnEveryHopAndReplacesItsOwnAccept() {
        server.route("/old", Responses.redirect(301, "/new"));
        server.route("/new", Responses.html("<p>moved</p>"));

        FetchResult result = fetcher.fetch(FetchRequest.page(url("/old"))
                .withHeaders(Map.of("Accept-Language", "fr", "Accept", "text/html")));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(server.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.headers().get("Accept-Language")).containsExactly("fr");
            assertThat(request.headers().get("Accept")).containsExactly("text/html");
            assertThat(request.header("User-Agent")).isEqualTo(FetchPolicy.DEFAULT_USER_AGENT);
        });
    }

    @Test
    void fetch_withoutExtraHeaders_sendsOnlyItsOwn() {
        server.route("/", Responses.html("<p>plain</p>"));

        fetcher.fetch(FetchRequest.page(url("/")));

        assertThat(server.requests().get(0).headers()).doesNotContainKey("Accept-Language");
    }

    @ParameterizedTest
    @ValueSource(strings = {"User-Agent", "user-agent", "Accept-Encoding", "Host", "Connection", "Transfer-Encoding",
        "Content-Length", "Expect", "Upgrade", "TE"})
    void fetch_refusesHeadersTheCrawlerControls_beforeSendingAnything(String name) {
        server.route("/", Responses.html("<p>never</p>"));

        FetchResult result = fetcher.fetch(FetchRequest.page(url("/")).withHeaders(Map.of(name, "x")));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("'" + name + "'").contains("set by the crawler");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr\r\nX-Injected: 1", "fr\nX-Injected: 1", "caf\u00e9", "a\u0000b"})
    void fetch_refusesHeaderValuesThatCouldSmuggleAnotherHeader(String value) {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/")).withHeaders(Map.of("Accept-Language", value)));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("'Accept-Language'").contains("control or non-ASCII");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "X-A:b", "X-\r\nInjected"})
    void fetch_refusesHeaderNamesThatAreNotTokens(String name) {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/")).withHeaders(Map.of(name, "1")));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_POLICY);
        assertThat(result.detail()).contains("is not an HTTP token").doesNotContain("\r", "\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void withMethods_keepTheExtraHeaders() {
        FetchRequest request = FetchRequest.page(url("/")).withHeaders(Map.of("Referer", "http://example.com/"));

        FetchRequest changed = request.withMethod("HEAD").withFollowRedirects(false).withConditional(false)
                .withCheckRobots(false).withMaxBytes(10, true).withMaxRedirects(2).withUrl(url("/other"))
                .withScope(u -> true);

        assertThat(changed.headers()).containsExactly(Map.entry("Referer", "http://example.com/"));
        assertThat(FetchRequest.page(url("/")).headers()).isEmpty();
    }
}
