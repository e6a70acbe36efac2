package io.crawlseq.commands.handlers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandHandler;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.url.UrlResult;
import java.util.Optional;

/**
 * The common life of a crawling command's invocation, around the part that differs
 * ({@link #crawl}):
 * <ol>
 *   <li>the target site from the request, refused with a failed result when missing, invalid,
 *       refused by the SSRF guard, unreachable or disallowed by robots.txt;</li>
 *   <li>a crawler for this invocation, its deadline taken from the request;</li>
 *   <li>{@link #crawl} from scratch or from the saved state of the previous invocation;</li>
 *   <li>what the invocation learned written to the store (pages, hubs, articles) in every case;</li>
 *   <li>the counters added up over the invocations, then: completed; partial with the state to
 *       resume from (or failed {@code NoProgress} when the state did not move); or failed
 *       {@code SiteUnreachable} when the start page could not be fetched and nothing else was.</li>
 * </ol>
 */
public abstract class CrawlingHandler implements CommandHandler {

    /**
     * What one invocation's crawl did.
     *
     * @param remaining the op state to resume from, or empty when the work is done
     * @param fields    the command's own result fields (counters are added by the base)
     * @param extraFailures failures counted outside crawls (e.g. sitemap files that could not be read)
     */
    protected record Step(Optional<JsonNode> remaining, ObjectNode fields, long extraFailures) {

        public static Step done(ObjectNode fields) {
            return new Step(Optional.empty(), fields, 0);
        }

        public static Step partial(JsonNode remaining, ObjectNode fields) {
            return new Step(Optional.of(remaining), fields, 0);
        }

        public Step withExtraFailures(long n) {
            return new Step(remaining, fields, extraFailures + n);
        }
    }

    /**
     * Runs this invocation's part of the work.
     *
     * @param previous the op state the previous invocation left ({@link Step#remaining}), empty on the first
     */
    protected abstract Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException;

    @Override
    public final CommandOutcome run(CommandRequest request, CommandServices services) throws CommandException {
        String startUrl;
        try {
            startUrl = request.requireStartUrl();
        } catch (CommandRequest.MissingStartUrl e) {
            return failed(CrawlFailures.MISSING_START_URL, e.getMessage());
        }
        Optional<ResumeState> previous = ResumeState.from(request.resumeState());
        Crawler crawler = services.crawlers().create(request);
        UrlResult start = crawler.url(startUrl);
        if (!(start instanceof UrlResult.Valid valid)) {
            crawler.close();
            return failed(CrawlFailures.INVALID_START_URL, "cannot crawl " + startUrl + ": "
                    + ((UrlResult.Invalid) start).message());
        }
        try (CrawlSession session = new CrawlSession(request, services, crawler, valid.url())) {
            Optional<Preflight.Refusal> refused = session.preflight();
            if (refused.isPresent()) {
                session.flush();
                return new CommandOutcome.Failed(refused.get().errorType(), refused.get().message(),
                        session.counters().putFields(CommandOutcome.noFields()));
            }
            Step step = crawl(session, previous.map(ResumeState::op));
            session.flush();
            return outcome(session, previous, step);
        }
    }

    private static CommandOutcome outcome(CrawlSession session, Optional<ResumeState> previous, Step step) {
        CrawlCounters totals = previous.map(ResumeState::totals).orElse(CrawlCounters.ZERO)
                .plus(session.counters().withExtraFailures(step.extraFailures()));
        ObjectNode fields = totals.putFields(step.fields().deepCopy());
        Optional<String> unreachable = previous.isEmpty() ? unreachable(session) : Optional.empty();
        if (unreachable.isPresent()) {
            return new CommandOutcome.Failed(CrawlFailures.SITE_UNREACHABLE, unreachable.get(), fields);
        }
        if (step.remaining().isEmpty()) {
            return new CommandOutcome.Completed(fields);
        }
        JsonNode next = step.remaining().get();
        if (previous.isPresent() && previous.get().samePlaceAs(next)) {
            return new CommandOutcome.Failed(CrawlFailures.NO_PROGRESS, "this invocation's time budget ended before "
                    + "it could fetch anything (the site's request spacing, e.g. a robots.txt Crawl-delay, is longer); "
                    + "give the step a longer timeout", fields);
        }
        return new CommandOutcome.Partial(new ResumeState(next, totals).toJson(), fields);
    }

    /** Why the site counts as unreachable: its start page failed and no page could be fetched. */
    private static Optional<String> unreachable(CrawlSession session) {
        Optional<FetchResult> startPage = session.pages().startPage();
        if (startPage.isEmpty() || startPage.get().isOk() || session.pages().okCount() > 0) {
            return Optional.empty();
        }
        return Optional.of("the start page could not be fetched: " + startPage.get().summary());
    }

    /** A failed result with the crawl counters at zero (nothing was fetched). */
    protected static CommandOutcome failed(String errorType, String message) {
        return new CommandOutcome.Failed(errorType, message, CrawlCounters.ZERO.putFields(CommandOutcome.noFields()));
    }
}
