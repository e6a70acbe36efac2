package io.crawlseq.sandbox.internal.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.internal.FromWorker;
import io.crawlseq.sandbox.internal.JobLimits;
import io.crawlseq.sandbox.internal.Protocol;
import io.crawlseq.sandbox.internal.ToWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** Runs the jobs of one worker: each in a fresh context with the prelude installed first. */
final class JobRunner {

    /** The name scripts run under: stack frames with this source are the script's. */
    static final String SCRIPT_NAME = "script.js";
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final Source PRELUDE = loadPrelude();
    private static final String WARM_UP_SCRIPT = """
            const DEFAULT_URLS = ['http://warm.up/'];
            async function scrapeData(url) {
              const doc = html.parse('<ul><li><a href="/a">A</a></li></ul>', url);
              log.info('warming up');
              emit({warm: true});
              return {data: doc.select('li a').map(a => ({title: a.text(), url: a.absUrl('href')})), metadata: {}};
            }
            """;

    private final Outbox outbox;

    JobRunner(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs a representative script once with everything discarded, so the first real job is fast. */
    static void warmUp() {
        JobLimits limits = new JobLimits(1_000_000, 10, 10, 1 << 20, 1 << 20, 10, 10, 1);
        JobRunner runner = new JobRunner(Outbox.discarding());
        runner.prepare(new ToWorker.Prepare(WARM_UP_SCRIPT, true, limits));
        runner.run(new ToWorker.Run(WARM_UP_SCRIPT, "http://warm.up/", limits));
    }

    FromWorker.Prepared prepare(ToWorker.Prepare job) {
        ScriptText text = new ScriptText(job.script());
        ErrorClassifier classifier = new ErrorClassifier(text, job.limits().statementLimit());
        Budget budget = new Budget(job.limits());
        Context context = Sandbox.newContext(job.limits().statementLimit());
        try {
            Source script = scriptSource(job.script());
            try {
                context.parse(script);
            } catch (PolyglotException e) {
                return new FromWorker.Prepared(e.isSyntaxError() ? classifier.syntax(e)
                        : classifier.classify(e, budget, null), List.of());
            }
            if (!job.readDefaults()) {
                return new FromWorker.Prepared(null, List.of());
            }
            Value internals = null;
            try {
                internals = installPrelude(context, budget);
                context.eval(script);
                Value urls = internals.invokeMember("defaultUrls", internals.invokeMember("lookup").getMember("defaultUrls"));
                return new FromWorker.Prepared(budget.breach().orElse(null), readStrings(urls.asString()));
            } catch (PolyglotException e) {
                return new FromWorker.Prepared(classifier.classify(e, budget, internals), List.of());
            }
        } finally {
            Sandbox.close(context);
        }
    }

    FromWorker.Done run(ToWorker.Run job) {
        ErrorClassifier classifier = new ErrorClassifier(new ScriptText(job.script()), job.limits().statementLimit());
        Budget budget = new Budget(job.limits());
        Context context = Sandbox.newContext(job.limits().statementLimit());
        try {
            Value internals = null;
            try {
                internals = installPrelude(context, budget);
                context.eval(scriptSource(job.script()));
                Value scrapeData = internals.invokeMember("lookup").getMember("scrapeData");
                if (scrapeData == null || scrapeData.isNull()) {
                    return new FromWorker.Done(new ScriptError.Runtime(null,
                            "the script does not define a function scrapeData(url)", "ReferenceError", List.of(), ""),
                            null);
                }
                Value returned = scrapeData.execute(job.source());
                Optional<Value> settled = settle(internals, returned);
                if (settled.isEmpty()) {
                    return new FromWorker.Done(new ScriptError.Runtime(null,
                            "scrapeData returned a promise that never settled: the sandbox has no timers or "
                                    + "asynchronous I/O, so nothing could ever settle it",
                            "UnsettledPromise", List.of(), ""), null);
                }
                Value metadata = internals.invokeMember("deliver", settled.get());
                if (budget.breach().isPresent()) {
                    return new FromWorker.Done(budget.breach().get(), null);
                }
                return metadata.isNull() ? new FromWorker.Done(null, null) : metadataOrError(metadata.asString());
            } catch (PolyglotException e) {
                return new FromWorker.Done(classifier.classify(e, budget, internals), null);
            }
        } finally {
            Sandbox.close(context);
        }
    }

    /** The value a returned promise settled with; a rejection is rethrown; empty if it never settles. */
    private static Optional<Value> settle(Value internals, Value returned) {
        if (!internals.invokeMember("isThenable", returned).asBoolean()) {
            return Optional.of(returned);
        }
        Value box = internals.invokeMember("settle", returned);
        return switch (box.getMember("state").asString()) {
            case "fulfilled" -> Optional.of(box.getMember("value"));
            case "rejected" -> throw rethrow(internals, box.getMember("error"));
            default -> Optional.empty();
        };
    }

    private static PolyglotException rethrow(Value internals, Value error) {
        try {
            internals.invokeMember("rethrow", error);
        } catch (PolyglotException e) {
            return e;
        }
        throw new IllegalStateException("rethrow returned normally");
    }

    private Value installPrelude(Context context, Budget budget) {
        HostApi host = new HostApi(outbox, budget, () -> context.close(true));
        return context.eval(PRELUDE).execute(host);
    }

    private static FromWorker.Done metadataOrError(String json) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            return new FromWorker.Done(new ScriptError.Parse(null,
                    "metadata is larger than " + MAX_METADATA_BYTES + " bytes"), null);
        }
        try {
            JsonNode metadata = Protocol.MAPPER.readTree(json);
            return new FromWorker.Done(null, metadata);
        } catch (JsonProcessingException e) {
            return new FromWorker.Done(new ScriptError.Parse(null, "metadata is not valid JSON"), null);
        }
    }

    private static List<String> readStrings(String jsonArray) {
        try {
            List<String> strings = new ArrayList<>();
            Protocol.MAPPER.readTree(jsonArray).forEach(node -> strings.add(node.asText()));
            return strings;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source scriptSource(String script) {
        return Source.newBuilder("js", script, SCRIPT_NAME).buildLiteral();
    }

    private static Source loadPrelude() {
        try (InputStream in = JobRunner.class.getResourceAsStream("prelude.js")) {
            if (in == null) {
                throw new IllegalStateException("prelude.js is missing from the classpath");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "<sandbox>")
                    .buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
