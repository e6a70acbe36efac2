package io.crawlseq.functions.command.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.commands.ScriptSource;
import io.crawlseq.commands.script.BlobScriptSource;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptResultJson;
import io.crawlseq.store.blob.S3BlobStore;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code runScript} in AWS: the script is read from the sequences bucket by the command's own
 * function, then the script-runner function is invoked synchronously with the script text in the
 * event (so the runner needs no permissions at all) and answers with the result JSON.
 *
 * <p>Synchronous invoke payloads are limited to 6 MB each way, so the limits sent along cap the
 * records at {@value #MAX_OUTPUT_BYTES} bytes and the log lines at {@value #MAX_LOG_LINES}.
 * Failures of the invoke itself (throttling, the service, the network, a crash of the runner) are
 * transient {@link CommandException}s the state machine retries, except a run that outlasted the
 * runner's own timeout, which would do so again.
 */
public final class LambdaScriptExecutor implements ScriptExecutor {

    /** Name or ARN of the script-runner function. */
    public static final String FUNCTION_VARIABLE = "SCRIPT_RUNNER_FUNCTION";
    /** The bucket sequences (and the scripts next to them) are uploaded to: the sequences bucket. */
    public static final String BUCKET_VARIABLE = "SCRIPTS_BUCKET";
    /** The key prefix sequences are uploaded under ("" or ending in '/'); script keys are relative to it. */
    public static final String PREFIX_VARIABLE = "SEQUENCES_PREFIX";

    static final long MAX_OUTPUT_BYTES = 4L << 20;
    /** The Lambda maximum (15 minutes) and a margin for the response. */
    static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(16);
    static final int MAX_LOG_LINES = 100;

    private final LambdaClient lambda;
    private final String functionName;
    private final ScriptSource scripts;

    public LambdaScriptExecutor(LambdaClient lambda, String functionName, ScriptSource scripts) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
    }

    /**
     * From the command function's environment: {@value #FUNCTION_VARIABLE}, {@value #BUCKET_VARIABLE},
     * optional {@value #PREFIX_VARIABLE} (default {@code sequences/}). Build it once per container.
     *
     * @throws IllegalStateException naming a missing variable
     */
    public static LambdaScriptExecutor fromEnvironment(Map<String, String> environment, S3Client s3) {
        String function = required(environment, FUNCTION_VARIABLE);
        String bucket = required(environment, BUCKET_VARIABLE);
        String prefix = environment.getOrDefault(PREFIX_VARIABLE, "sequences/");
        // A script run may take the runner's whole timeout (up to 15 minutes): the default 30 s read
        // timeout of the HTTP client would cut every long run.
        LambdaClient client = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(INVOKE_TIMEOUT).build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(INVOKE_TIMEOUT))
                .build();
        return new LambdaScriptExecutor(client, function, new BlobScriptSource(S3BlobStore.of(s3, bucket), prefix));
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    @Override
    public ScriptLookup read(String location) throws CommandException {
        return scripts.read(location);
    }

    @Override
    public ScriptResult execute(ScriptRequest request) throws CommandException {
        InvokeResponse response;
        try {
            response = lambda.invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromByteArray(eventOf(request)))
                    .build());
        } catch (SdkException e) {
            throw CommandException.transientFailure("could not invoke the script runner " + functionName + ": "
                    + e.getMessage(), e);
        }
        String payload = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        if (response.functionError() != null) {
            String message = "the script runner " + functionName + " failed (" + response.functionError() + "): " + payload;
            // A run longer than the runner's timeout would time out again: not worth a retry.
            if (payload.contains("Task timed out")) {
                throw CommandException.fatal(message + "; give the step fewer sources or a smaller timeoutMs");
            }
            throw CommandException.transientFailure(message, null);
        }
        try {
            return ScriptResultJson.fromJson(payload);
        } catch (UncheckedIOException e) {
            throw CommandException.transientFailure("the script runner " + functionName
                    + " answered with something that is not a script result: " + shorten(payload), e);
        }
    }

    /** The request as the runner's event, its output bounded to fit a synchronous invoke's response. */
    static byte[] eventOf(ScriptRequest request) {
        ScriptLimits limits = request.limits();
        ScriptRequest bounded = request.withLimits(limits
                .withMaxOutputBytes(Math.min(limits.maxOutputBytes(), MAX_OUTPUT_BYTES))
                .withMaxLogLines(Math.min(limits.maxLogLines(), MAX_LOG_LINES)));
        try {
            return ScriptResultJson.mapper().writeValueAsBytes(bounded);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
