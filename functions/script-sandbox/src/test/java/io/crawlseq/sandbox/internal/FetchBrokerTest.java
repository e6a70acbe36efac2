package io.crawlseq.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.FetchOutcome;
import io.crawlseq.sandbox.FetchRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The parent-side vetting of a script's fetch, before (and around) the fetcher. */
class FetchBrokerTest {

    private final List<FetchRequest> reachedTheFetcher = new ArrayList<>();
    private final FetchBroker broker = new FetchBroker(request -> {
        reachedTheFetcher.add(request);
        return new FetchOutcome.Fetched(200, request.url(), Map.of("content-type", "text/html"), "<p>hi</p>");
    });

    @Test
    void answer_passesAVettedRequestWithTheTimeLeft() {
        ObjectNode reply = broker.answer("https://news.example/", Map.of("Accept", "text/html"), Duration.ofSeconds(3));

        assertThat(reachedTheFetcher).containsExactly(
                new FetchRequest("https://news.example/", Map.of("Accept", "text/html"), Duration.ofSeconds(3)));
        assertThat(reply.path("ok").asBoolean()).isTrue();
        assertThat(reply.path("status").asInt()).isEqualTo(200);
        assertThat(reply.path("headers").path("content-type").asText()).isEqualTo("text/html");
        assertThat(reply.path("body").asText()).isEqualTo("<p>hi</p>");
    }

    @Test
    void answer_refusesAForbiddenHeader_asSecurity_withoutFetching() {
        ObjectNode reply = broker.answer("https://news.example/", Map.of("Authorization", "Bearer x"), Duration.ofSeconds(3));

        assertThat(reachedTheFetcher).isEmpty();
        assertThat(reply.path("ok").asBoolean()).isFalse();
        assertThat(reply.path("kind").asText()).isEqualTo("security");
        assertThat(reply.path("outcome").asText()).isEqualTo("BLOCKED_HEADER");
    }

    @Test
    void answer_refusesNonHttpSchemes_asSecurity_andBrokenUrls_asNetwork() {
        ObjectNode file = broker.answer("file:///etc/passwd", Map.of(), Duration.ofSeconds(3));
        ObjectNode jar = broker.answer("jar:file:/x.jar!/", Map.of(), Duration.ofSeconds(3));
        ObjectNode relative = broker.answer("/world", Map.of(), Duration.ofSeconds(3));

        assertThat(reachedTheFetcher).isEmpty();
        assertThat(List.of(file, jar, relative)).extracting(r -> r.path("kind").asText() + " " + r.path("outcome").asText())
                .containsExactly("security BLOCKED_SCHEME", "security BLOCKED_SCHEME", "network INVALID_URL");
    }

    @Test
    void answer_whenTheFetcherThrows_reportsAFailedFetch() {
        FetchBroker failing = new FetchBroker(request -> {
            throw new IllegalStateException("bug");
        });

        ObjectNode reply = failing.answer("https://news.example/", Map.of(), Duration.ofSeconds(1));

        assertThat(reply.path("kind").asText()).isEqualTo("network");
        assertThat(reply.path("outcome").asText()).isEqualTo("FETCH_FAILED");
    }

    @Test
    void answer_whenTheFetcherOutlastsTheTimeLeft_reportsATimeoutWithoutWaitingForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FetchBroker slow = new FetchBroker(request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FetchOutcome.Fetched(200, request.url(), Map.of(), "late");
        });
        try {
            ObjectNode reply = slow.answer("https://news.example/", Map.of(), Duration.ofMillis(50));

            assertThat(reply.path("ok").asBoolean()).isFalse();
            assertThat(reply.path("outcome").asText()).isEqualTo("TIMEOUT");
        } finally {
            release.countDown();
        }
    }
}
