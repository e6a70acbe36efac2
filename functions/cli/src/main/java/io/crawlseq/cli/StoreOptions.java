package io.crawlseq.cli;

import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where local runs keep history, metrics and crawl results. */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where local history, metrics and crawl results live (embedded DynamoDB Local and page "
                    + "bodies). Default: $" + CliEnvironment.DATA_DIR_VARIABLE + ", else ~/.crawl-sequence/data.")
    Path dataDir;

    StoreLocation location(CliEnvironment environment) {
        return new StoreLocation.LocalDataDir(dataDir != null ? dataDir : environment.defaultDataDir());
    }
}
