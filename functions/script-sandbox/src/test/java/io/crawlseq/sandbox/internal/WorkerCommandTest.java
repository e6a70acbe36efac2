package io.crawlseq.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.sandbox.WorkerJvm;
import io.crawlseq.sandbox.internal.worker.WorkerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {

    @Test
    void command_limitsTheHeapAndExitsOnOutOfMemory() {
        List<String> command = WorkerCommand.of(WorkerJvm.detect(), 96);

        assertThat(command).contains("-Xmx96m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(command.get(command.size() - 1)).isEqualTo(WorkerMain.class.getName());
    }

    @Test
    void detectedClasspath_coversTheWorkerAndGraalJs() {
        List<String> classpath = WorkerJvm.detect().classpath();

        assertThat(classpath).anySatisfy(e -> assertThat(e).contains("polyglot"));
        assertThat(classpath).anySatisfy(e -> assertThat(Path.of(e)).isEqualTo(codeSource(WorkerMain.class)));
    }

    @Test
    void cdsArchive_isUsedOnlyWithAJarOnlyClasspath(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("a.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.flush(); // an empty but readable jar: unreadable ones are not archived either
        }
        Path archive = dir.resolve("worker.jsa");
        WorkerJvm jars = new WorkerJvm(Path.of("java"), List.of(jar.toString()), Optional.of(archive), List.of());
        WorkerJvm withDirectory = new WorkerJvm(Path.of("java"), List.of(jar.toString(), dir.toString()),
                Optional.of(archive), List.of());

        assertThat(WorkerCommand.of(jars, 64)).contains("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");
        assertThat(WorkerCommand.of(withDirectory, 64)).noneMatch(option -> option.contains("SharedArchiveFile"));
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
