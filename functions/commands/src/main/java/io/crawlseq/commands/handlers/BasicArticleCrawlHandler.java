package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.handlers.support.ArticleSink;
import io.crawlseq.commands.handlers.support.CrawlArgs;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.ops.ArticleCrawl;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * {@code basicArticleCrawl}: a breadth-first crawl from startUrl within maxDepth and maxDownloads
 * ({@link ArticleCrawl}), same site plus {@code allowHosts}, recording every story it recognises
 * with the listing it was found on, bodies included. Continues across invocations.
 */
public final class BasicArticleCrawlHandler extends CrawlingHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String command() {
        return "basicArticleCrawl";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException {
        CrawlArgs limits = CrawlArgs.of(session.request(), 200, 3);
        ArticleCrawl.Options options = ArticleCrawl.Options.of(session.start())
                .limits(limits.maxDepth(), limits.maxDownloads(), limits.concurrency())
                .extraHosts(new LinkedHashSet<>(session.request().stringListArg("allowHosts")))
                .deadline(session.deadlineMillis());
        ArticleSink sink = session.articleSink(previous.map(p -> p.path("articles")).orElse(JSON.missingNode()), true);
        Map<String, String> foundOn = new HashMap<>();
        previous.ifPresent(p -> p.path("foundOn").properties().forEach(e -> foundOn.put(e.getKey(), e.getValue().asText())));
        CrawlReport report = previous.isEmpty()
                ? ArticleCrawl.run(session.crawler(), options, foundOn, sink, session.progress())
                : ArticleCrawl.resume(session.crawler(), options, frontier(previous.get()), foundOn, sink,
                        session.progress());
        ObjectNode fields = sink.putFields(CommandOutcome.noFields());
        if (!report.isPartial()) {
            return Step.done(fields);
        }
        ObjectNode state = JSON.createObjectNode();
        state.set("frontier", JSON.valueToTree(report.state()));
        state.set("articles", sink.toJson());
        ObjectNode links = state.putObject("foundOn");
        foundOn.forEach(links::put);
        return Step.partial(state, fields);
    }

    private static FrontierState frontier(JsonNode previous) throws CommandException {
        try {
            return FrontierState.fromJson(previous.path("frontier").toString());
        } catch (JsonProcessingException e) {
            throw CommandException.fatal("the saved crawl frontier cannot be read: " + e.getOriginalMessage());
        }
    }
}
