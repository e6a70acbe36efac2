package io.crawlseq.commands;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.politeness.Politeness;
import java.util.Objects;

/**
 * Builds the crawler one invocation uses: the deployment's base configuration (user agent,
 * allow-list, caps) with the step's {@code politeness} arguments applied. The caller closes it.
 */
@FunctionalInterface
public interface CrawlerFactory {

    Crawler create(CommandRequest request);

    /** Applies {@code politeness.delayMs} and {@code politeness.maxConcurrentPerHost} to {@code base}. */
    static CrawlerFactory configured(CrawlerConfig base) {
        Objects.requireNonNull(base, "base");
        return request -> {
            var politeness = request.args().path("politeness");
            Politeness p = base.politeness();
            if (politeness.has("delayMs")) {
                p = p.delayMs(politeness.get("delayMs").asLong());
            }
            if (politeness.has("maxConcurrentPerHost")) {
                p = p.maxConcurrentPerHost(politeness.get("maxConcurrentPerHost").asInt());
            }
            return Crawler.create(base.politeness(p));
        };
    }
}
