package io.crawlseq.crawler.testing;

import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.politeness.RetryPolicy;
import io.crawlseq.crawler.time.CrawlClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Configurations for tests against loopback fixture servers. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Allows exactly the given servers, short time caps, the given clock, default politeness. */
    public static CrawlerConfig forServers(CrawlClock clock, LoopbackServer... servers) {
        List<String> hosts = new ArrayList<>();
        for (LoopbackServer s : servers) {
            hosts.add(s.hostPort());
        }
        CrawlerConfig config = CrawlerConfig.defaults().clock(clock);
        return config.fetch(config.fetch()
                .allowList(AllowList.parse(hosts).allowList())
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .retry(new RetryPolicy(3, 1000, 30_000));
    }

    /** As {@link #forServers} with no politeness delay (fixtures that are not about politeness). */
    public static CrawlerConfig fast(CrawlClock clock, LoopbackServer... servers) {
        return forServers(clock, servers).politeness(Politeness.none());
    }
}
