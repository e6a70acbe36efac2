package io.crawlseq.commands;

import io.crawlseq.commands.handlers.BasicArticleCrawlHandler;
import io.crawlseq.commands.handlers.CrawlCountryHubHistoryHandler;
import io.crawlseq.commands.handlers.CrawlCountryHubsHistoryHandler;
import io.crawlseq.commands.handlers.EnsureCountryHubsHandler;
import io.crawlseq.commands.handlers.EnsurePlaceHubsHandler;
import io.crawlseq.commands.handlers.ExploreCountryHubsHandler;
import io.crawlseq.commands.handlers.FindPlaceAndTopicHubsHandler;
import io.crawlseq.commands.handlers.FindTopicHubsHandler;
import io.crawlseq.commands.handlers.GuessPlaceHubsHandler;
import io.crawlseq.commands.handlers.HubArchiveCrawlHandler;
import io.crawlseq.commands.handlers.HubDepthProbeHandler;
import io.crawlseq.commands.handlers.LogWarningHandler;
import io.crawlseq.commands.handlers.RunScriptHandler;
import io.crawlseq.commands.handlers.SiteExplorerHandler;
import io.crawlseq.commands.handlers.SitemapDiscoveryHandler;
import io.crawlseq.commands.handlers.SitemapOnlyHandler;
import java.util.List;

/**
 * Every handler of this build. A registry command without a handler here can still be compiled
 * and deployed, but fails when it runs; {@code StandardHandlersTest} lists what is missing.
 */
public final class StandardHandlers {

    private StandardHandlers() {
    }

    public static HandlerCatalog catalog() {
        return new HandlerCatalog(List.of(
                new EnsureCountryHubsHandler(),
                new FindTopicHubsHandler(),
                new SiteExplorerHandler(),
                new SitemapDiscoveryHandler(),
                new SitemapOnlyHandler(),
                new BasicArticleCrawlHandler(),
                new LogWarningHandler(),
                new RunScriptHandler(),
                new ExploreCountryHubsHandler(),
                new EnsurePlaceHubsHandler(),
                new FindPlaceAndTopicHubsHandler(),
                new GuessPlaceHubsHandler(),
                new HubDepthProbeHandler(),
                new HubArchiveCrawlHandler(),
                new CrawlCountryHubHistoryHandler(),
                new CrawlCountryHubsHistoryHandler()));
    }
}
