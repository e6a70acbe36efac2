package io.crawlseq.commands.handlers.support;

import io.crawlseq.commands.CommandRequest;

/**
 * The common crawl arguments of a request (registry defaults already applied by
 * {@code CommandRequest.fromPayload}; the fallbacks only serve commands whose registry entry has no
 * default).
 */
public record CrawlArgs(long maxDownloads, int maxDepth, int concurrency) {

    public static CrawlArgs of(CommandRequest request, long defaultDownloads, int defaultDepth) {
        long downloads = request.hasArg("maxDownloads") ? request.longArg("maxDownloads") : defaultDownloads;
        int depth = request.hasArg("maxDepth") ? request.intArg("maxDepth") : defaultDepth;
        int concurrency = request.hasArg("concurrency") ? request.intArg("concurrency") : 4;
        return new CrawlArgs(Math.max(1, downloads), Math.max(0, depth), Math.max(1, concurrency));
    }
}
