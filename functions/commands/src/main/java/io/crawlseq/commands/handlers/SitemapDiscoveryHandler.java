package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.handlers.support.CrawlSession;
import io.crawlseq.commands.handlers.support.CrawlingHandler;
import io.crawlseq.crawler.ops.SitemapCrawl;
import io.crawlseq.crawler.sitemap.SitemapDiscovery;
import io.crawlseq.crawler.sitemap.SitemapOptions;
import java.util.Optional;

/**
 * {@code sitemapDiscovery}: reads robots.txt {@code Sitemap:} lines (else {@code /sitemap.xml}),
 * expands sitemap indexes and counts the page URLs listed, news sitemaps apart. maxDownloads caps
 * the sitemap files fetched. Quick and bounded, so it never continues.
 */
public final class SitemapDiscoveryHandler extends CrawlingHandler {

    /** The source of a sitemap tried at a conventional path rather than listed anywhere. */
    static final String DEFAULT_LOCATION = "default location";

    @Override
    public String command() {
        return "sitemapDiscovery";
    }

    @Override
    protected Step crawl(CrawlSession session, Optional<JsonNode> previous) {
        SitemapDiscovery found = discover(session);
        session.report("read " + found.sitemapsRead() + " sitemaps listing " + found.entries().size() + " URLs");
        ObjectNode fields = CommandOutcome.noFields();
        fields.set("sitemaps", sitemapUrls(found));
        fields.put("sitemapCount", found.sitemapsRead());
        fields.put("urlCount", found.entries().size());
        fields.put("newsUrlCount", found.newsUrlCount());
        return Step.done(fields).withExtraFailures(failedSitemaps(found));
    }

    /** The site's sitemaps within the request's limits (maxDownloads sitemap files, maxUrls URLs). */
    static SitemapDiscovery discover(CrawlSession session) {
        CommandRequest request = session.request();
        SitemapOptions options = SitemapOptions.defaults();
        if (request.hasArg("maxDownloads")) {
            options = options.maxSitemaps((int) Math.min(Integer.MAX_VALUE, request.longArg("maxDownloads")));
        }
        if (request.hasArg("maxUrls")) {
            options = options.maxUrls(request.intArg("maxUrls"));
        }
        return SitemapCrawl.discover(session.crawler(), session.start(), options);
    }

    /** Sitemaps the site has: every file read or listed somewhere (a missing /sitemap.xml is not one). */
    static ArrayNode sitemapUrls(SitemapDiscovery found) {
        ArrayNode urls = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (SitemapDiscovery.Visit v : found.sitemaps()) {
            if (isRead(v) || !DEFAULT_LOCATION.equals(v.source())) {
                urls.add(v.url());
            }
        }
        return urls;
    }

    /** Listed sitemap files that could not be fetched or read. */
    static long failedSitemaps(SitemapDiscovery found) {
        return found.sitemaps().stream().filter(v -> !isRead(v) && !DEFAULT_LOCATION.equals(v.source())).count();
    }

    private static boolean isRead(SitemapDiscovery.Visit v) {
        return v.kind() == SitemapDiscovery.Kind.INDEX || v.kind() == SitemapDiscovery.Kind.URLSET;
    }
}
