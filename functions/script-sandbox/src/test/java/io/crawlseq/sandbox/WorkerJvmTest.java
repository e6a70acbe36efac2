package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerJvmTest {

    @TempDir
    Path dir;

    private WorkerJvm jvmWith(String... entries) throws IOException {
        List<String> classpath = new java.util.ArrayList<>();
        for (String entry : entries) {
            Path p = dir.resolve(entry);
            if (entry.endsWith(".jar")) {
                Files.write(p, new byte[] {'P', 'K'});
            } else {
                Files.createDirectories(p);
            }
            classpath.add(p.toString());
        }
        return new WorkerJvm(Path.of("/usr/bin/java"), classpath, Optional.empty(), List.of());
    }

    @Test
    void withCdsArchiveIn_forAJarOnlyClasspath_createsTheDirectoryAndNamesTheArchiveForThisClasspath() throws IOException {
        Path cache = dir.resolve("cache/crawl-sequences");

        WorkerJvm a = jvmWith("a.jar", "b.jar").withCdsArchiveIn(cache);
        WorkerJvm b = jvmWith("a.jar", "c.jar").withCdsArchiveIn(cache);

        assertThat(cache).isDirectory();
        assertThat(a.usesCds()).isTrue();
        assertThat(a.cdsArchive().orElseThrow().getFileName().toString())
                .matches("script-worker-" + Runtime.version().feature() + "-[0-9a-f]{12}\\.jsa");
        assertThat(a.cdsArchive()).isNotEqualTo(b.cdsArchive());
        assertThat(jvmWith("a.jar", "b.jar").withCdsArchiveIn(cache).cdsArchive()).isEqualTo(a.cdsArchive());
    }

    @Test
    void withCdsArchiveIn_withADirectoryOnTheClasspath_usesNoArchiveAndCreatesNothing() throws IOException {
        Path cache = dir.resolve("untouched");

        WorkerJvm jvm = jvmWith("a.jar", "classes").withCdsArchiveIn(cache);

        assertThat(jvm.cdsArchive()).isEmpty();
        assertThat(cache).doesNotExist();
    }

    @Test
    void userCacheDirectory_prefersXdgCacheHome() {
        assertThat(WorkerJvm.userCacheDirectory(Map.of("XDG_CACHE_HOME", "/tmp/xdg")))
                .isEqualTo(Path.of("/tmp/xdg/crawl-sequences"));
        assertThat(WorkerJvm.userCacheDirectory(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "crawl-sequences"));
    }
}
