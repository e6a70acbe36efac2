package io.crawlseq.cli.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the CLI's store lives. Today: the embedded DynamoDB Local and blob directory under a local
 * data directory. Reading deployed AWS tables ({@code --endpoint-url}, a profile) will be another
 * case here with its own {@link StoreOpener} branch; the commands only see a {@code Storage}.
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
}
