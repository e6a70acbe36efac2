package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerJvmTest {

    @TempDir
    Path dir;

    /** An empty jar, with a manifest {@code Class-Path} when given. */
    private Path jar(String name, String manifestClassPath) throws IOException {
        Path file = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestClassPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, manifestClassPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    private WorkerJvm jvmWith(Path... entries) {
        List<String> classpath = new ArrayList<>();
        for (Path p : entries) {
            classpath.add(p.toString());
        }
        return new WorkerJvm(Path.of("/usr/bin/java"), classpath, Optional.empty(), List.of());
    }

    @Test
    void withCdsArchiveIn_forAJarOnlyClasspath_createsTheDirectoryAndNamesTheArchiveForThisClasspath() throws IOException {
        Path cache = dir.resolve("cache/crawl-sequences");
        Path a = jar("a.jar", null);
        Path b = jar("b.jar", null);
        Path c = jar("c.jar", null);

        WorkerJvm ab = jvmWith(a, b).withCdsArchiveIn(cache);
        WorkerJvm ac = jvmWith(a, c).withCdsArchiveIn(cache);

        assertThat(cache).isDirectory();
        assertThat(ab.usesCds()).isTrue();
        assertThat(ab.cdsArchive().orElseThrow().getFileName().toString())
                .matches("script-worker-" + Runtime.version().feature() + "-[0-9a-f]{12}\\.jsa");
        assertThat(ab.cdsArchive()).isNotEqualTo(ac.cdsArchive());
        assertThat(jvmWith(a, b).withCdsArchiveIn(cache).cdsArchive()).isEqualTo(ab.cdsArchive());
    }

    @Test
    void withCdsArchiveIn_withADirectoryOnTheClasspath_usesNoArchiveAndCreatesNothing() throws IOException {
        Path cache = dir.resolve("untouched");
        Path classes = Files.createDirectories(dir.resolve("classes"));

        WorkerJvm jvm = jvmWith(jar("a.jar", null), classes).withCdsArchiveIn(cache);

        assertThat(jvm.cdsArchive()).isEmpty();
        assertThat(cache).doesNotExist();
    }

    @Test
    void usesCds_followsManifestClassPaths_andRefusesWhenOneNamesADirectory() throws IOException {
        Path cache = dir.resolve("cache");
        jar("dep.jar", null);
        Path launcher = jar("launcher.jar", "dep.jar missing.jar");
        Path dynamoLike = jar("dynamo-like.jar", ". lib/other.jar");

        assertThat(jvmWith(launcher).withCdsArchive(cache.resolve("x.jsa")).usesCds()).isTrue();
        assertThat(jvmWith(jar("top.jar", "dynamo-like.jar")).withCdsArchive(cache.resolve("x.jsa")).usesCds()).isFalse();
        assertThat(jvmWith(dynamoLike).withCdsArchiveIn(cache).cdsArchive()).isEmpty();
    }

    @Test
    void usesCds_withAnUnreadableJar_isFalse() throws IOException {
        Path broken = Files.write(dir.resolve("broken.jar"), new byte[] {'P', 'K'});

        assertThat(jvmWith(broken).withCdsArchive(dir.resolve("x.jsa")).usesCds()).isFalse();
    }

    @Test
    void userCacheDirectory_prefersXdgCacheHome() {
        assertThat(WorkerJvm.userCacheDirectory(Map.of("XDG_CACHE_HOME", "/tmp/xdg")))
                .isEqualTo(Path.of("/tmp/xdg/crawl-sequences"));
        assertThat(WorkerJvm.userCacheDirectory(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "crawl-sequences"));
    }
}
