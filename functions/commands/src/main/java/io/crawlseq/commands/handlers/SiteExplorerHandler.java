package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.ops.SiteExplorer;
import java.util.Optional;

/**
 * {@code siteExplorer}: maps the site's structure without its stories ({@link SiteExplorer}): the
 * top-level sections its navigation offers, and hubs of every kind, author and tag pages included
 * (each recorded with its own kind).
 */
public final class SiteExplorerHandler extends CrawlingHandler {

    @Override
    public String command() {
        return "siteExplorer";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) throws CommandException {
        HubFinder.Options options = HubSearch.limited(HubFinder.Options.everything(), session);
        SiteExplorer.Result result;
        if (previous.isEmpty()) {
            result = SiteExplorer.explore(session.crawler(), session.start(), options, session.progress());
        } else {
            try {
                result = SiteExplorer.resume(session.crawler(), options, HubFinder.State.fromJson(previous.get().toString()),
                        session.progress());
            } catch (JsonProcessingException e) {
                throw CommandException.fatal("the saved exploration state cannot be read: " + e.getOriginalMessage());
            }
        }
        var hubs = HubSearch.hubs(result.hubs());
        if (!result.partial()) {
            session.recordHubs(hubs);
        }
        ObjectNode fields = CommandOutcome.noFields();
        ArrayNode sections = fields.putArray("sections");
        for (SiteExplorer.Section s : result.sections()) {
            sections.addObject().put("url", s.url()).put("name", s.name()).put("linkCount", s.linkCount());
        }
        fields.put("hubCount", hubs.size());
        fields.set("hubs", HubRecords.toJson(hubs));
        return result.partial() ? Step.partial(HubSearch.stateJson(result.hubs()), fields) : Step.done(fields);
    }
}
