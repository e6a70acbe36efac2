package io.crawlseq.sandbox;

import java.util.Map;
import java.util.Objects;

/** What an {@code http.get} produced: a response (any status) or a refusal. */
public sealed interface FetchOutcome {

    /**
     * A response, whatever its status (scripts decide what a 404 means).
     *
     * @param url     the final URL after redirects
     * @param headers response headers, names in lower case
     * @param body    the decoded body (capped by the fetcher)
     */
    record Fetched(int status, String url, Map<String, String> headers, String body) implements FetchOutcome {
        public Fetched {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * No usable response. In the script {@code http.get} throws; uncaught, the source fails with a
     * {@link ScriptError.Security} ({@link RefusalKind#SECURITY}) or {@link ScriptError.Network}.
     *
     * @param outcome a stable code such as {@code BLOCKED_ADDRESS}, {@code TIMEOUT},
     *                {@code ROBOTS_DISALLOWED}, {@code TOO_LARGE}
     * @param status  the HTTP status when the refusal followed one (e.g. too many redirects), else null
     */
    record Refused(RefusalKind kind, String outcome, String message, Integer status) implements FetchOutcome {
        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Whether a refusal protects something (SSRF guard, header policy) or is a failed fetch. */
    enum RefusalKind { SECURITY, NETWORK }
}
