package io.crawlseq.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** An {@code http.get} from a script: absolute URL, the (already vetted) extra headers, time left. */
public record FetchRequest(String url, Map<String, String> headers, Duration timeout) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
    }
}
