package io.crawlseq.functions.script;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.fetch.AddressPins;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.sandbox.CrawlerScriptHttp;
import io.crawlseq.sandbox.ResultMetadata;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptHttp;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptResultJson;
import io.crawlseq.sandbox.ScriptRunner;
import io.crawlseq.sandbox.WorkerJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script-runner Lambda: runs one AI-written script in the sandbox and answers with the
 * {@link ScriptResult} JSON. The event is the JSON form of a {@link ScriptRequest}:
 * {@code {scriptId, script, sources, limits, fallbackSources}} (see events/script-runner.json). Whatever the script does is in the
 * result; the invocation fails only when the runner itself cannot work (no worker JVM).
 *
 * <p>It needs no permissions: the script text comes in the event, fetches go to the public web
 * through the crawler's rules ({@link CrawlerScriptHttp}: robots.txt, politeness, SSRF guard, caps;
 * the function needs network egress for them), and nothing is stored. The runner, its crawler and one
 * warm worker JVM live as long as the execution environment. {@value AllowList#ENVIRONMENT_VARIABLE}
 * opens non-public hosts to fetches (empty in production).
 */
public final class ScriptRunnerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunnerHandler.class);
    private static final ObjectMapper JSON = ScriptResultJson.mapper();
    /** Where the worker's class-data-sharing archive goes; /tmp is the only writable place in Lambda. */
    private static final String CDS_ARCHIVE_ENV = "CRAWLSEQ_SCRIPT_CDS_ARCHIVE";

    private static volatile ScriptRunner shared;

    private final ScriptRunner runner;

    /** Used by the Lambda runtime: one runner per execution environment, built on first use. */
    public ScriptRunnerHandler() {
        this(null);
    }

    ScriptRunnerHandler(ScriptRunner runner) {
        this.runner = runner;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ScriptResult result = handle(input.readAllBytes());
        JSON.writeValue(output, result);
    }

    ScriptResult handle(byte[] event) {
        JsonNode json;
        ScriptRequest request;
        try {
            json = JSON.readTree(event);
            request = JSON.treeToValue(json, ScriptRequest.class);
        } catch (JsonProcessingException e) {
            return refused("the event is not a valid script-runner event: " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused("the event could not be read: " + e.getMessage());
        }
        if (request.script().isBlank() && json.hasNonNull("scriptKey")) {
            return refused("scriptKey is not supported: pass the script text in 'script' (this function has no "
                    + "storage access by design)");
        }
        return runner().run(request);
    }

    private ScriptRunner runner() {
        if (runner != null) {
            return runner;
        }
        if (shared == null) {
            synchronized (ScriptRunnerHandler.class) {
                if (shared == null) {
                    Map<String, String> environment = System.getenv();
                    // Lives as long as the execution environment, like the runner that uses it.
                    CrawlerScriptHttp http = CrawlerScriptHttp.open(crawlerConfig(environment));
                    shared = new ScriptRunner(lambdaConfig(environment, http));
                }
            }
        }
        return shared;
    }

    /**
     * The crawler behind {@code http.get}: defaults (user agent, politeness, caps) and the allow-list
     * of {@value AllowList#ENVIRONMENT_VARIABLE}.
     *
     * @throws IllegalStateException when the allow-list has entries that are not {@code HOST[:PORT]}
     *                               (a deployment mistake: the function must not start half-configured)
     */
    static CrawlerConfig crawlerConfig(Map<String, String> environment) {
        AllowList.Parsed allow = AllowList.fromEnvironment(environment);
        if (!allow.ok()) {
            throw new IllegalStateException(AllowList.ENVIRONMENT_VARIABLE + " is invalid: " + String.join("; ", allow.errors()));
        }
        if (!AddressPins.isActive()) {
            LOG.warn("DNS address pinning is not active in this runtime: fetches rely on the JDK DNS cache to connect"
                    + " to the address the SSRF guard checked");
        }
        LOG.info("script runner: fetches through the crawler, allow-list {}", allow.allowList().isEmpty()
                ? "empty (public addresses only)" : allow.allowList());
        return CrawlerConfig.defaults().allowList(allow.allowList());
    }

    /** Prestarted worker (the environment serves invocation after invocation); CDS when possible. */
    static RunnerConfig lambdaConfig(Map<String, String> environment, ScriptHttp http) {
        WorkerJvm jvm = WorkerJvm.detect();
        String archive = environment.get(CDS_ARCHIVE_ENV);
        jvm = jvm.withCdsArchive(Path.of(archive == null || archive.isBlank() ? "/tmp/crawlseq-script-worker.jsa" : archive));
        LOG.info("script runner: worker classpath of {} entries, CDS {}", jvm.classpath().size(),
                jvm.usesCds() ? "on" : "off (the classpath has directories)");
        return RunnerConfig.defaults().jvm(jvm).http(http).prestart(true);
    }

    private static ScriptResult refused(String message) {
        LOG.warn("script-runner event refused: {}", message);
        return new ScriptResult(false, List.of(), new ResultMetadata(0, 0, 0, "script", List.of(), 0, Instant.now()),
                List.of(), List.of(new ScriptError.Request(message)), List.of());
    }
}
