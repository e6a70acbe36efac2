package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crawlseq.sandbox.internal.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One script run: the script text, the sources its {@code scrapeData(url)} is called with (in order)
 * and the limits.
 *
 * <p>Which sources run: {@code sources} when not empty; otherwise the script's {@code DEFAULT_URLS};
 * otherwise {@code fallbackSources} (the {@code runScript} command passes the run's {@code startUrl}).
 *
 * <p>Its JSON form is the script-runner Lambda's event; see {@link ScriptResultJson#mapper()}.
 *
 * @param scriptId a name for logs and the result (a file name, an S3 key, a generated id)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptRequest(String scriptId, String script, List<String> sources, ScriptLimits limits,
                            List<String> fallbackSources) {

    public static final int MAX_SCRIPT_CHARS = 1 << 20;
    public static final int MAX_SOURCES = 100;
    public static final int MAX_URL_CHARS = HttpUrls.MAX_URL_CHARS;
    public static final int MAX_SCRIPT_ID_CHARS = 200;

    public ScriptRequest {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(limits, "limits");
        sources = List.copyOf(sources);
        fallbackSources = List.copyOf(fallbackSources);
    }

    /**
     * Reads a request from JSON (the script-runner Lambda's event, the {@code --json} form): absent
     * fields take defaults ({@code scriptId} "script", no sources, default limits).
     */
    @JsonCreator
    static ScriptRequest fromJson(@JsonProperty("scriptId") String scriptId, @JsonProperty("script") String script,
                                  @JsonProperty("sources") List<String> sources,
                                  @JsonProperty("limits") ScriptLimits limits,
                                  @JsonProperty("fallbackSources") List<String> fallbackSources) {
        return new ScriptRequest(scriptId == null || scriptId.isBlank() ? "script" : scriptId,
                script == null ? "" : script, sources == null ? List.of() : sources,
                limits == null ? ScriptLimits.DEFAULTS : limits, fallbackSources == null ? List.of() : fallbackSources);
    }

    /** A request with default limits and no fallback sources. */
    public static ScriptRequest of(String scriptId, String script, List<String> sources) {
        return new ScriptRequest(scriptId, script, sources, ScriptLimits.DEFAULTS, List.of());
    }

    public ScriptRequest withLimits(ScriptLimits newLimits) {
        return new ScriptRequest(scriptId, script, sources, newLimits, fallbackSources);
    }

    public ScriptRequest withFallbackSources(List<String> newFallbackSources) {
        return new ScriptRequest(scriptId, script, sources, limits, newFallbackSources);
    }

    /** Everything wrong with this request, as readable messages; empty when it can run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (scriptId.isBlank() || scriptId.length() > MAX_SCRIPT_ID_CHARS) {
            problems.add("scriptId must have 1 to " + MAX_SCRIPT_ID_CHARS + " characters");
        }
        if (script.isBlank()) {
            problems.add("script is empty");
        } else if (script.length() > MAX_SCRIPT_CHARS) {
            problems.add("script has " + script.length() + " characters; the limit is " + MAX_SCRIPT_CHARS);
        }
        checkSources("sources", sources, problems);
        checkSources("fallbackSources", fallbackSources, problems);
        problems.addAll(limits.problems());
        return List.copyOf(problems);
    }

    private static void checkSources(String field, List<String> urls, List<String> problems) {
        if (urls.size() > MAX_SOURCES) {
            problems.add(field + " has " + urls.size() + " entries; the limit is " + MAX_SOURCES);
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            String position = field + "[" + i + "]: ";
            HttpUrls.problem(urls.get(i)).ifPresent(p -> problems.add(position + p));
        }
    }
}
