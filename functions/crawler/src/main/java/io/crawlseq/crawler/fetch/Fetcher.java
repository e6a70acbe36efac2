package io.crawlseq.crawler.fetch;

/** Something that fetches: the real {@link HttpFetcher}, or a polite wrapper around it. */
@FunctionalInterface
public interface Fetcher {

    /** Never throws for network or server problems: they are outcomes. */
    FetchResult fetch(FetchRequest request);
}
