package io.crawlseq.sandbox;

/**
 * What a script's {@code http.get} calls, in the parent JVM (never in the script's JVM). The
 * implementation owns the fetch rules: robots.txt, politeness, the SSRF guard, size and time caps.
 * The runner has already checked the request headers against {@link RequestHeaderPolicy} and bounds
 * {@link FetchRequest#timeout()} by what is left of the source's time limit.
 *
 * <p>Implementations return outcomes, never throw for a failed fetch.
 */
@FunctionalInterface
public interface ScriptHttp {

    FetchOutcome get(FetchRequest request);

    /** Refuses every fetch: for scripts that only transform what they are given, and for tests. */
    static ScriptHttp disabled() {
        return request -> new FetchOutcome.Refused(FetchOutcome.RefusalKind.NETWORK, "HTTP_DISABLED",
                "http.get is not available in this runner", null);
    }
}
