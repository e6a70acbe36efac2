package io.crawlseq.cli;

import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreLocation;
import io.crawlseq.cli.local.StoreOpener;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.localstack.LocalStores;
import io.crawlseq.store.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The store CLI tests run against: the CLI's own embedded store ({@link LocalStores}, DynamoDB Local
 * persisted in a temporary data directory), opened once per test JVM and shared, so in-process CLI
 * runs need not start DynamoDB Local each time. Tests keep apart by run ids and sequence names.
 */
final class TestStores {

    private static final class Shared {
        static final Path HOME = temp("crawlseq-cli-home");
        static final LocalStores STORES = LocalStores.open(temp("crawlseq-cli-data"));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(STORES::close, "cli-test-store"));
        }
    }

    /** Locations the CLI asked for, in order (tests check --data-dir and the default). */
    static final List<StoreLocation> REQUESTED = new CopyOnWriteArrayList<>();

    private TestStores() {
    }

    static Storage storage() {
        return Shared.STORES.storage();
    }

    /**
     * An environment with no CRAWLSEQ_* variables, a temporary home, the shared store whatever the
     * location, and crawlers on a manual clock (politeness waits and Crawl-delay cost no real time).
     */
    static CliEnvironment environment() {
        return new CliEnvironment(Map.of(), Shared.HOME, Clock.systemUTC(), new ManualClock(), sharedOpener());
    }

    static StoreOpener sharedOpener() {
        return location -> {
            REQUESTED.add(location);
            Storage storage = Shared.STORES.storage();
            return new StoreOpener.OpenedStore() {
                @Override
                public Storage storage() {
                    return storage;
                }

                @Override
                public void close() {
                    // shared by the whole test JVM
                }
            };
        };
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
