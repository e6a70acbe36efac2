package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.commands.handlers.hubwork.KnownHubs;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.guess.KnownHub;
import io.crawlseq.crawler.guess.LearnedPattern;
import io.crawlseq.crawler.guess.PatternLearner;
import io.crawlseq.crawler.guess.PlaceGuessing;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.WorkLoop;
import io.crawlseq.store.SiteId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code guessPlaceHubs}: learns the site's hub URL patterns from the place hubs earlier steps
 * recorded (ensureCountryHubs, ensurePlaceHubs), predicts the hubs of the places still without one
 * (most populous first), verifies at most {@code limit} guesses over HTTP (HEAD then GET, against
 * what the site answers for a bogus URL), and reports attempts, hits, misses and the patterns; with
 * {@code apply}, the accepted hubs are recorded. A 429 slows the host down and defers the guess.
 */
public final class GuessPlaceHubsHandler extends LongCrawlHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String command() {
        return "guessPlaceHubs";
    }

    @Override
    protected Begin begin(Context context) throws CommandException {
        List<KnownHub> known = KnownHubs.placeHubs(context.services().storage().crawl(), context.site());
        if (known.isEmpty()) {
            return new Begin.Without(skipped("no place hubs are known for " + context.site()
                    + " to learn URL patterns from; run ensureCountryHubs (and ensurePlaceHubs) first"));
        }
        PlaceGuessing guessing = PlaceGuessing.start(context.start().toString(), known, options(context.request()),
                Gazetteer.standard());
        if (guessing.patterns().isEmpty()) {
            return new Begin.Without(skipped("no URL pattern is shared by " + PatternLearner.DEFAULT_MIN_SUPPORT
                    + " or more of the " + known.size() + " known place hubs of " + context.site() + "; nothing to guess from"));
        }
        context.progress("learnt " + guessing.patterns().size() + " pattern(s), " + guessing.plan().size() + " guesses planned");
        return new Begin.With(new GuessWork(guessing, context.request().booleanArg("apply")));
    }

    @Override
    protected Work resume(Context context, JsonNode state) throws CommandException {
        try {
            return new GuessWork(PlaceGuessing.resume(PlaceGuessing.State.fromJson(state.toString()), Gazetteer.standard()),
                    context.request().booleanArg("apply"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw CommandException.fatal("the saved guessing state does not read back: " + e.getOriginalMessage());
        }
    }

    private static PlaceGuessing.Options options(CommandRequest request) {
        Set<HubKind> kinds = EnumSet.noneOf(HubKind.class);
        request.stringListArg("kinds").forEach(k -> kinds.add(HubKind.fromWireName(k)));
        return new PlaceGuessing.Options(kinds, request.intArg("limit"), request.doubleArg("minConfidence"),
                request.stringArg("country").orElse(null),
                request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : Long.MAX_VALUE);
    }

    /** The guessing as a handler's work; with apply, hits are recorded as soon as an invocation finds them. */
    private static final class GuessWork implements Work {
        private final PlaceGuessing guessing;
        private final boolean apply;
        private final int hitsBefore;

        GuessWork(PlaceGuessing guessing, boolean apply) {
            this.guessing = guessing;
            this.apply = apply;
            this.hitsBefore = guessing.state().hits().size();
        }

        @Override
        public boolean run(Crawler crawler, long deadlineMillis) {
            return WorkLoop.run(guessing, crawler, deadlineMillis);
        }

        @Override
        public JsonNode state() {
            try {
                return JSON.readTree(guessing.state().toJson());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("guessing states are always valid JSON", e);
            }
        }

        @Override
        public ObjectNode fields() {
            PlaceGuessing.State s = guessing.state();
            ObjectNode f = CommandOutcome.noFields();
            f.put("attempts", s.attempts());
            f.put("hits", s.hits().size());
            f.put("misses", s.misses());
            ArrayNode patterns = f.putArray("patterns");
            for (LearnedPattern p : guessing.patterns()) {
                patterns.addObject().put("pattern", p.text()).put("kind", p.kind().wireName()).put("support", p.support());
            }
            List<PlaceGuessing.Hit> hits = guessing.hits();
            f.put("hubCount", hits.size());
            f.set("hubs", HubRecords.toJson(HubRecords.toStore(hits.stream().map(PlaceGuessing.Hit::hub).toList())));
            return f;
        }

        @Override
        public void record(CommandServices services, SiteId site, String runId, Instant now) {
            if (!apply) {
                return;
            }
            List<PlaceGuessing.Hit> hits = guessing.state().hits();
            for (PlaceGuessing.Hit hit : hits.subList(hitsBefore, hits.size())) {
                services.storage().crawl().putHub(site, HubRecords.toStore(hit.hub()), runId, now);
            }
        }

        @Override
        public String host() {
            return guessing.nextHost();
        }
    }
}
