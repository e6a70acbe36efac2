package io.crawlseq.system;

import java.nio.file.Path;

/** {@link Repository} for the tests of sub-packages. */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    public static Path resolve(String relative) {
        return Repository.resolve(relative);
    }
}
