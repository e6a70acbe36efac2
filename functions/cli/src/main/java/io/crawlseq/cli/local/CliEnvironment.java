package io.crawlseq.cli.local;

import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.time.CrawlClock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from the machine it runs on: environment variables, the home directory, the
 * clocks, and how stores are opened. Injected so tests run the CLI in-process against their own.
 *
 * @param clock      wall-clock time (run ids, records, deadlines)
 * @param crawlClock the time crawlers wait in (politeness, Crawl-delay, backoff); tests use a manual clock
 */
public record CliEnvironment(Map<String, String> variables, Path home, Clock clock, CrawlClock crawlClock,
                             StoreOpener stores) {

    /** Overrides the default data directory ({@code ~/.crawl-sequence/data}). */
    public static final String DATA_DIR_VARIABLE = "CRAWLSEQ_DATA_DIR";

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(crawlClock, "crawlClock");
        Objects.requireNonNull(stores, "stores");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                CrawlClock.system(), StoreOpener.STANDARD);
    }

    public CliEnvironment withVariables(Map<String, String> value) {
        return new CliEnvironment(value, home, clock, crawlClock, stores);
    }

    public CliEnvironment withStores(StoreOpener value) {
        return new CliEnvironment(variables, home, clock, crawlClock, value);
    }

    /** The crawlers' configuration for local runs: defaults, this environment's crawl clock, the allow-list. */
    public CrawlerConfig crawlerConfig(AllowList allowList) {
        return CrawlerConfig.defaults().clock(crawlClock).allowList(allowList);
    }

    /** The data directory when none is given on the command line: {@value #DATA_DIR_VARIABLE}, else under home. */
    public Path defaultDataDir() {
        String fromEnv = variables.get(DATA_DIR_VARIABLE);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : home.resolve(".crawl-sequence").resolve("data");
    }
}
