package io.crawlseq.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo site shipped in the CLI's resources is what {@link DemoSiteGenerator} writes. Regenerate
 * it with {@code -Dtest=DemoSiteTest -Dcrawlseq.regenerateDemo=true}.
 */
class DemoSiteTest {

    static final Path SITE = Path.of("src/main/resources/io/crawlseq/cli/demo/site");

    @Test
    void committedDemoSite_isWhatTheGeneratorWrites() throws IOException {
        Map<String, String> files = DemoSiteGenerator.files();
        if (Boolean.getBoolean("crawlseq.regenerateDemo")) {
            write(files);
        }

        assertThat(committed()).isEqualTo(new TreeSet<>(files.keySet()));
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(Files.readString(SITE.resolve(f.getKey()), StandardCharsets.UTF_8)).as(f.getKey()).isEqualTo(f.getValue());
        }
    }

    private static TreeSet<String> committed() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(SITE)) {
            try (Stream<Path> all = Files.walk(SITE)) {
                all.filter(Files::isRegularFile).forEach(p -> names.add(SITE.relativize(p).toString().replace('\\', '/')));
            }
        }
        return names;
    }

    private static void write(Map<String, String> files) throws IOException {
        if (Files.isDirectory(SITE)) {
            try (Stream<Path> all = Files.walk(SITE)) {
                all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = SITE.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
    }
}
