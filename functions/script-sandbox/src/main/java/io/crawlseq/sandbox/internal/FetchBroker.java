package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.FetchOutcome;
import io.crawlseq.sandbox.FetchRequest;
import io.crawlseq.sandbox.RequestHeaderPolicy;
import io.crawlseq.sandbox.ScriptHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a worker's fetch in the parent: the URL and the headers are vetted here (the parent is the
 * trust boundary), then {@link ScriptHttp} fetches under the crawler's rules. The answer is the JSON
 * object the prelude turns into a response or a thrown error.
 */
public final class FetchBroker {

    private static final Logger LOG = LoggerFactory.getLogger(FetchBroker.class);

    private static final Executor FETCHES = command -> Thread.ofVirtual().name("script-fetch").start(command);

    private final ScriptHttp http;

    public FetchBroker(ScriptHttp http) {
        this.http = http;
    }

    public ObjectNode answer(String url, Map<String, String> headers, Duration timeLeft) {
        FetchOutcome outcome = vet(url, headers).orElseGet(() -> fetch(url, headers, timeLeft));
        return toJson(url, outcome);
    }

    private static Optional<FetchOutcome> vet(String url, Map<String, String> headers) {
        if (HttpUrls.hasForeignScheme(url)) {
            return Optional.of(refused(FetchOutcome.RefusalKind.SECURITY, "BLOCKED_SCHEME",
                    "only http and https URLs can be fetched: " + shorten(url)));
        }
        Optional<String> urlProblem = HttpUrls.problem(url);
        if (urlProblem.isPresent()) {
            return Optional.of(refused(FetchOutcome.RefusalKind.NETWORK, "INVALID_URL", urlProblem.get()));
        }
        return RequestHeaderPolicy.violation(headers)
                .map(problem -> refused(FetchOutcome.RefusalKind.SECURITY, "BLOCKED_HEADER", problem));
    }

    /**
     * Fetches on a virtual thread and waits no longer than the source has left, so the parent's
     * deadline holds even when the fetcher's own time cap is longer; a fetch that overruns finishes in
     * the background under that cap.
     */
    private FetchOutcome fetch(String url, Map<String, String> headers, Duration timeLeft) {
        if (timeLeft.isZero() || timeLeft.isNegative()) {
            return timedOut();
        }
        CompletableFuture<FetchOutcome> fetch = CompletableFuture.supplyAsync(
                () -> http.get(new FetchRequest(url, headers, timeLeft)), FETCHES);
        try {
            return fetch.get(timeLeft.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return timedOut();
        } catch (ExecutionException e) {
            // ScriptHttp promises outcomes, not exceptions: this is a bug, but not the script's.
            LOG.error("http.get of {} failed inside the fetcher", url, e.getCause());
            return refused(FetchOutcome.RefusalKind.NETWORK, "FETCH_FAILED", "the fetch failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(FetchOutcome.RefusalKind.NETWORK, "FETCH_FAILED", "the fetch was interrupted");
        }
    }

    private static FetchOutcome timedOut() {
        return refused(FetchOutcome.RefusalKind.NETWORK, "TIMEOUT",
                "the fetch did not finish within the time the source has left");
    }

    private static FetchOutcome.Refused refused(FetchOutcome.RefusalKind kind, String outcome, String message) {
        return new FetchOutcome.Refused(kind, outcome, message, null);
    }

    private static ObjectNode toJson(String url, FetchOutcome outcome) {
        ObjectNode json = Protocol.MAPPER.createObjectNode();
        switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                json.put("ok", true).put("status", fetched.status()).put("url", fetched.url());
                ObjectNode headers = json.putObject("headers");
                fetched.headers().forEach(headers::put);
                json.put("body", fetched.body());
            }
            case FetchOutcome.Refused refused -> {
                json.put("ok", false)
                        .put("kind", refused.kind() == FetchOutcome.RefusalKind.SECURITY ? "security" : "network")
                        .put("outcome", refused.outcome())
                        .put("message", refused.message() + " (" + shorten(url) + ")");
                if (refused.status() != null) {
                    json.put("status", refused.status());
                }
            }
        }
        return json;
    }

    private static String shorten(String url) {
        return url.length() > 200 ? url.substring(0, 200) + "…" : url;
    }
}
