package io.crawlseq.cli.local;

import io.crawlseq.cli.cloud.AwsStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the CLI's store lives: the embedded DynamoDB Local and blob directory under a local data
 * directory, or the deployed tables (an AWS account, or {@code crawl-sequence local-stack}) that
 * {@code history}, {@code show} and {@code stats} can read. The commands only see a {@code Storage}.
 */
public sealed interface StoreLocation {

    /** A human description for messages ("data directory /home/me/.crawl-sequence/data"). */
    String describe();

    /** The embedded store persisted under {@code directory}. */
    record LocalDataDir(Path directory) implements StoreLocation {
        public LocalDataDir {
            Objects.requireNonNull(directory, "directory");
            directory = directory.toAbsolutePath().normalize();
        }

        @Override
        public String describe() {
            return "data directory " + directory;
        }
    }

    /** The tables of a deployed stack, read through the AWS SDK. */
    record Deployed(AwsStore store, Map<String, String> environment) implements StoreLocation {
        public Deployed {
            Objects.requireNonNull(store, "store");
            environment = Map.copyOf(environment);
        }

        @Override
        public String describe() {
            return store.describe(environment);
        }
    }
}
