package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.handlers.hubwork.ArchiveWork;
import io.crawlseq.commands.handlers.hubwork.LongCrawlHandler;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.archive.ArchiveCrawl;
import io.crawlseq.store.SiteId;
import java.time.Instant;

/**
 * An archive walk of one hub whose result is failed ({@code HubUnavailable}) when the hub's first
 * page has no stories at all (404, refused, not a listing): a crawl engineer should see that, not
 * an empty success.
 */
final class ArchiveWorkFailingOnDeadHub implements LongCrawlHandler.Work {

    private final ArchiveWork archive;

    ArchiveWorkFailingOnDeadHub(ArchiveWork archive) {
        this.archive = archive;
    }

    @Override
    public boolean run(Crawler crawler, long deadlineMillis) {
        return archive.run(crawler, deadlineMillis);
    }

    @Override
    public JsonNode state() {
        return archive.state();
    }

    @Override
    public ObjectNode fields() {
        return archive.fields();
    }

    @Override
    public void record(CommandServices services, SiteId site, String runId, Instant now) {
        archive.record(services, site, runId, now);
    }

    @Override
    public String host() {
        return archive.host();
    }

    @Override
    public CommandOutcome finished(ObjectNode fields) {
        ArchiveCrawl.HubOutcome hub = archive.crawl().hubs().get(0);
        if (hub.pagesWalked() == 0) {
            return new CommandOutcome.Failed("HubUnavailable", "the hub " + hub.hubUrl() + " lists no stories ("
                    + hub.stop() + ")", fields);
        }
        return new CommandOutcome.Completed(fields);
    }
}
