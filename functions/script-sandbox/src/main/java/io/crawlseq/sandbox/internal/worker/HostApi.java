package io.crawlseq.sandbox.internal.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.internal.FromWorker;
import io.crawlseq.sandbox.internal.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.HostAccess;
import org.jsoup.Jsoup;

/**
 * The one host object of a job, handed to the prelude only (scripts reach it through the prelude's
 * closures, never directly). Its methods take and return strings and numbers so no guest value
 * crosses into the host; budgets are enforced here and a breach cancels the context.
 */
public final class HostApi {

    /** The largest HTML document {@code html.parse} accepts, in characters. */
    static final int MAX_HTML_CHARS = 16 << 20;
    private static final int MAX_LOG_CHARS = 4_096;

    private final Outbox outbox;
    private final Budget budget;
    private final Runnable cancel;
    private long nextFetchId;
    private int emitted;

    HostApi(Outbox outbox, Budget budget, Runnable cancel) {
        this.outbox = outbox;
        this.budget = budget;
        this.cancel = cancel;
    }

    /** Asks the parent to fetch; returns the reply object (as JSON) for the prelude. */
    @HostAccess.Export
    public String fetch(String url, String headersJson) {
        if (stop(budget.takeFetch())) {
            return "{}";
        }
        ObjectNode reply = outbox.fetch(new FromWorker.Fetch(++nextFetchId, url, headers(headersJson)));
        return reply.toString();
    }

    @HostAccess.Export
    public HtmlNode parseHtml(String body, String baseUrl) {
        if (body.length() > MAX_HTML_CHARS) {
            return null;
        }
        return new HtmlNode(Jsoup.parse(body, baseUrl));
    }

    @HostAccess.Export
    public void log(String level, String message) {
        if (stop(budget.takeLogLine())) {
            return;
        }
        String line = message.length() > MAX_LOG_CHARS ? message.substring(0, MAX_LOG_CHARS) + "…" : message;
        outbox.send(new FromWorker.Log(level, line));
    }

    /** A record as JSON text (from the prelude's JSON.stringify); streamed to the parent at once. */
    @HostAccess.Export
    public void record(String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (stop(budget.takeRecord(bytes))) {
            return;
        }
        Optional<ObjectNode> record = asObject(json);
        if (record.isEmpty()) {
            stop(budget.breach(new ScriptError.Parse(null,
                    "a record must serialize to a JSON object (a toJSON method returned something else)")));
            return;
        }
        emitted++;
        outbox.send(new FromWorker.Record(record.get(), bytes));
    }

    /** How many records this job has streamed so far. */
    @HostAccess.Export
    public int emitted() {
        return emitted;
    }

    private boolean stop(Optional<ScriptError> breach) {
        if (breach.isPresent()) {
            cancel.run();
            return true;
        }
        return false;
    }

    private static Map<String, String> headers(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        asObject(json).ifPresent(object -> object.properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText())));
        return headers;
    }

    private static Optional<ObjectNode> asObject(String json) {
        try {
            JsonNode node = Protocol.MAPPER.readTree(json);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
