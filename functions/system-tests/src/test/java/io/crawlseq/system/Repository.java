package io.crawlseq.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (template.yaml, statemachine/, events/, sequences/) from tests. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("crawlseq.repo.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (set -Dcrawlseq.repo.dir)");
        }
        return dir;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
