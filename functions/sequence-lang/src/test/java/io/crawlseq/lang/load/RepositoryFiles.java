package io.crawlseq.lang.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (sequences/, docs/) from tests, wherever Maven runs them. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("crawlseq.repo.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "sequences"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (set -Dcrawlseq.repo.dir)");
        }
        return dir;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
