package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandHandler;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.support.Preflight;
import io.crawlseq.commands.handlers.support.CrawlCounters;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import io.crawlseq.store.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of one invocation of a long crawl, around the part that differs ({@link #begin},
 * {@link #resume}):
 * <ol>
 *   <li>the target site from the request (a failed result when missing or invalid);</li>
 *   <li>a crawler for the invocation, its deadline the request's, in the crawler's clock, and the
 *       host's politeness wait carried over from the previous invocation;</li>
 *   <li>the work begun (or refused: skipped when there is nothing to work from) or resumed from the
 *       state the previous invocation left, then run to the deadline;</li>
 *   <li>what the invocation learned written to the store, every time;</li>
 *   <li>the counters added up over the invocations; completed, or partial with the state to resume
 *       from ({@code {work, totals, readyAt}}, kept by the runner in the store, never in the
 *       payload), or failed {@code NoProgress} when a continuation could do nothing at all.</li>
 * </ol>
 */
public abstract class LongCrawlHandler implements CommandHandler {

    /** What an invocation works on. */
    public interface Work {

        /** Works until done (true) or until no further step can start before the deadline (false). */
        boolean run(Crawler crawler, long deadlineMillis);

        /** What the next invocation resumes from. */
        JsonNode state();

        /** The command's own result fields, so far (partial) or final. */
        ObjectNode fields();

        /** Writes what this invocation learned (hubs, articles) to the store. */
        void record(CommandServices services, SiteId site, String runId, Instant now);

        /** The host whose politeness wait is carried to the next invocation ("" for none). */
        String host();

        /** The outcome once the work is done; completed unless overridden. */
        default CommandOutcome finished(ObjectNode fields) {
            return new CommandOutcome.Completed(fields);
        }
    }

    /** How an invocation starts: with work, or with an outcome that needs none (skipped, failed). */
    public sealed interface Begin {
        record With(Work work) implements Begin {
        }

        record Without(CommandOutcome outcome) implements Begin {
        }
    }

    /**
     * The invocation's surroundings.
     *
     * @param start the normalised target site
     * @param site  what crawl results are recorded under
     */
    public record Context(CommandRequest request, CommandServices services, Crawler crawler, WebUrl start,
                             SiteId site) {

        public void progress(String what) {
            services.progress().update(request.historyStepId(), what);
        }
    }

    /** The URL whose site the command works on: the request's start URL unless the command says otherwise. */
    protected Optional<String> target(CommandRequest request) {
        return request.startUrl();
    }

    /** The first invocation: read what is needed from the store and the args, build the work. */
    protected abstract Begin begin(Context context) throws CommandException;

    /** A later invocation: the work from its saved state. */
    protected abstract Work resume(Context context, JsonNode state) throws CommandException;

    @Override
    public final CommandOutcome run(CommandRequest request, CommandServices services) throws CommandException {
        Optional<String> target = target(request);
        if (target.isEmpty()) {
            return failed("MissingStartUrl", "no target site: give the command a startUrl argument or run it with a "
                    + "startUrl in the context");
        }
        String startUrl = target.get();
        Saved saved = Saved.from(request.resumeState().orElse(null));
        try (Crawler crawler = services.crawlers().create(request)) {
            UrlResult parsed = crawler.url(startUrl);
            if (!(parsed instanceof UrlResult.Valid valid)) {
                return failed("InvalidStartUrl", "cannot crawl " + startUrl + ": " + ((UrlResult.Invalid) parsed).message());
            }
            Context context = new Context(request, services, crawler, valid.url(), SiteId.ofUrl(valid.url().toString()));
            Work work;
            if (saved == null) {
                Begin begin = begin(context);
                if (begin instanceof Begin.Without without) {
                    return without.outcome();
                }
                // after begin: a step with nothing to work from is skipped without touching the site
                Optional<Preflight.Refusal> refused = Preflight.check(crawler, valid.url());
                if (refused.isPresent()) {
                    return new CommandOutcome.Failed(refused.get().errorType(), refused.get().message(),
                            CrawlCounters.of(crawler.stats().snapshot()).putFields(CommandOutcome.noFields()));
                }
                work = ((Begin.With) begin).work();
            } else {
                work = resume(context, saved.work());
                WorkLoop.restoreHostReadyAt(crawler, work.host(), saved.readyAt());
            }
            long remaining = Math.max(0, Duration.between(services.clock().instant(), request.deadline()).toMillis());
            // the request's deadline is in the services' clock; the crawler measures time in its own
            boolean done = work.run(crawler, crawler.clock().nowMillis() + remaining);
            record(work, context);
            CrawlCounters totals = (saved == null ? CrawlCounters.ZERO : saved.totals())
                    .plus(CrawlCounters.of(crawler.stats().snapshot()));
            ObjectNode fields = totals.putFields(work.fields());
            context.progress(String.format(Locale.ROOT, "%d pages fetched%s", totals.pagesFetched(),
                    done ? "" : ", continuing in another invocation"));
            if (done) {
                return work.finished(fields);
            }
            JsonNode next = work.state();
            if (saved != null && saved.work().toString().equals(next.toString())) {
                return new CommandOutcome.Failed("NoProgress", "this invocation's time budget ended before it could "
                        + "fetch anything (the site's request spacing, e.g. a robots.txt Crawl-delay or a Retry-After, is "
                        + "longer); give the step a longer timeout", fields);
            }
            return new CommandOutcome.Partial(new Saved(next, totals,
                    WorkLoop.hostReadyAtEpochMillis(crawler, work.host())).toJson(), fields);
        }
    }

    private static void record(Work work, Context context) throws CommandException {
        try {
            work.record(context.services(), context.site(), context.request().runId(), context.services().clock().instant());
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not record what " + context.request().command()
                    + " found on " + context.site() + ": " + e, e);
        }
    }

    /** A failed result with the crawl counters at zero. */
    protected static CommandOutcome failed(String errorType, String message) {
        return new CommandOutcome.Failed(errorType, message, CrawlCounters.ZERO.putFields(CommandOutcome.noFields()));
    }

    /** A skipped result (nothing to work from) with the crawl counters at zero. */
    protected static CommandOutcome skipped(String reason) {
        return new CommandOutcome.Skipped(reason, CrawlCounters.ZERO.putFields(CommandOutcome.noFields()));
    }

    /** What a partial invocation leaves for the next: the work's state, the counters so far, when the host is free. */
    private record Saved(JsonNode work, CrawlCounters totals, long readyAt) {

        JsonNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("work", work);
            o.set("totals", totals.toJson());
            o.put("readyAt", readyAt);
            return o;
        }

        static Saved from(JsonNode json) throws CommandException {
            if (json == null) {
                return null;
            }
            if (!json.path("work").isObject() || !json.path("totals").isObject()) {
                throw CommandException.fatal("the saved state of this long crawl is not one this command wrote");
            }
            return new Saved(json.get("work"), CrawlCounters.fromJson(json.get("totals")), json.path("readyAt").asLong(0));
        }
    }
}
