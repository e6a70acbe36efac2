package io.crawlseq.crawler.fetch;

import io.crawlseq.crawler.url.WebUrl;

/** Answers "may this URL be fetched?" from robots.txt; consulted by the fetcher for every hop. */
@FunctionalInterface
public interface RobotsGate {

    /** May block while the site's robots.txt is fetched. */
    boolean allows(WebUrl url);

    RobotsGate ALLOW_ALL = url -> true;
}
