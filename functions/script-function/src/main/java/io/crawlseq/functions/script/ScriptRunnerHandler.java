package io.crawlseq.functions.script;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.sandbox.ResultMetadata;
import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptError;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script-runner Lambda: runs one AI-written script in the sandbox and answers with the
 * {@link ScriptResult} JSON. The event is the JSON form of a {@link ScriptRequest}:
 * {@code {scriptId, script, sources, limits, fallbackSources}} (see events/script-runner.json). Whatever the script does is in the
 * result; the invocation fails only when the runner itself cannot work (no worker JVM).
 *
 * <p>It needs no permissions: the script text comes in the event, fetches go to the public web
 * through the crawler's rules, and nothing is stored. The runner (and one warm worker JVM) live as
 * long as the execution environment.
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
                    shared = new ScriptRunner(lambdaConfig());
                }
            }
        }
        return shared;
    }

    /** Prestarted worker (the environment serves invocation after invocation); CDS when possible. */
    static RunnerConfig lambdaConfig() {
        WorkerJvm jvm = WorkerJvm.detect();
        String archive = System.getenv(CDS_ARCHIVE_ENV);
        jvm = jvm.withCdsArchive(Path.of(archive == null || archive.isBlank() ? "/tmp/crawlseq-script-worker.jsa" : archive));
        LOG.info("script runner: worker classpath of {} entries, CDS {}", jvm.classpath().size(),
                jvm.usesCds() ? "on" : "off (the classpath has directories)");
        return RunnerConfig.defaults().jvm(jvm).prestart(true);
    }

    private static ScriptResult refused(String message) {
        LOG.warn("script-runner event refused: {}", message);
        return new ScriptResult(false, List.of(), new ResultMetadata(0, 0, 0, "script", List.of(), 0, Instant.now()),
                List.of(), List.of(new ScriptError.Request(message)), List.of());
    }
}
