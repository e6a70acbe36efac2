package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.archive.DepthProbe;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.store.SiteId;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code hubDepthProbe}: how deep a hub's pagination goes ({@code hubUrl}, default the start URL),
 * by doubling then binary search up to {@code maxPage}, with soft-404 and loop detection, within
 * {@code maxDownloads} requests (default {@value #DEFAULT_REQUESTS}). A hub whose first page has
 * no stories is a failed result ({@code HubUnavailable}).
 */
public final class HubDepthProbeHandler extends LongCrawlHandler {

    static final long DEFAULT_REQUESTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String command() {
        return "hubDepthProbe";
    }

    @Override
    protected Optional<String> target(CommandRequest request) {
        return request.stringArg("hubUrl").or(request::startUrl);
    }

    @Override
    protected Begin begin(Context context) {
        CommandRequest request = context.request();
        String hub = request.stringArg("hubUrl").orElse(context.start().toString());
        long requests = request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : DEFAULT_REQUESTS;
        return new Begin.With(new ProbeWork(DepthProbe.start(hub, new DepthProbe.Options(request.intArg("maxPage"),
                requests))));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        try {
            return new ProbeWork(DepthProbe.resume(DepthProbe.State.fromJson(state.toString())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw CommandException.fatal("the saved depth probe does not read back: " + e.getOriginalMessage());
        }
    }

    private record ProbeWork(DepthProbe probe) implements Work {

        @Override
        public boolean run(Crawler crawler, long deadlineMillis) {
            return WorkLoop.run(probe, crawler, deadlineMillis);
        }

        @Override
        public JsonNode state() {
            try {
                return JSON.readTree(probe.state().toJson());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("probe states are always valid JSON", e);
            }
        }

        @Override
        public ObjectNode fields() {
            DepthProbe.Result r = probe.result();
            ObjectNode f = CommandOutcome.noFields();
            f.put("hubUrl", r.hubUrl());
            f.put("depth", r.depth());
            f.put("paginationStyle", r.style());
            f.put("pagesProbed", r.pagesProbed());
            f.put("loopDetected", r.loopDetected());
            return f;
        }

        @Override
        public void record(CommandServices services, SiteId site, String runId, Instant now) {
            // a probe learns a number, which is its result; nothing to add to the site's records
        }

        @Override
        public String host() {
            return probe.nextHost();
        }

        @Override
        public CommandOutcome finished(ObjectNode fields) {
            DepthProbe.Result r = probe.result();
            if (r.depth() == 0) {
                return new CommandOutcome.Failed("HubUnavailable", "the hub " + r.hubUrl() + " lists no stories: " + r.stop(),
                        fields);
            }
            return new CommandOutcome.Completed(fields);
        }
    }
}
