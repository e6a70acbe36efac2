package io.crawlseq.crawler.crawl;

import io.crawlseq.crawler.frontier.FrontierState;

/**
 * How a crawl invocation ended.
 *
 * @param status   why it stopped
 * @param progress final counters
 * @param state    the frontier and counters to continue from ({@link Crawl#resume}); for
 *                 {@link Status#COMPLETE} it is empty but still valid
 */
public record CrawlReport(Status status, CrawlProgress progress, FrontierState state) {

    public enum Status {
        /** Nothing left to fetch within the depth limit. */
        COMPLETE,
        /** maxDownloads pages fetched. */
        LIMIT_REACHED,
        /** The deadline came first: continue with {@link #state()}. */
        DEADLINE,
        /** The handler asked to stop. */
        STOPPED
    }

    /** More work remains (the command should return a continuation). */
    public boolean isPartial() {
        return status == Status.DEADLINE;
    }
}
