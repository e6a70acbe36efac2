package io.crawlseq.lang.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken sequences under {@code src/test/resources/invalid/}: each fixture must yield
 * exactly the diagnostics listed for it in {@code expected.tsv} (codes and positions), no more.
 */
class InvalidCorpusTest {

    private static final String DIRECTORY = "/invalid/";

    record Case(String fixture, List<String> expected) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> cases() {
        return expectedLines().stream().map(line -> {
            String[] columns = line.split("\t", -1);
            return new Case(columns[0], columns[1].isBlank() ? List.of() : Arrays.asList(columns[1].trim().split(" ")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixture_yieldsExactlyTheExpectedDiagnostics(Case c) throws IOException {
        byte[] content = read(c.fixture());

        LoadResult result = SequenceLoader.load(c.fixture(), content);

        assertThat(result.diagnostics()).extracting(InvalidCorpusTest::summary).containsExactlyElementsOf(c.expected());
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.location().file()).isEqualTo(c.fixture());
            assertThat(d.message()).isNotBlank().doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("[Source:");
            assertThat(d.format()).startsWith(c.fixture() + ":" + d.location().line() + ":" + d.location().column() + ": ");
        });
        assertThat(result.sequence().isPresent()).isEqualTo(!result.hasErrors());
    }

    @Test
    void corpus_hasAtLeastSixtyFixtures_andEveryFileIsListed() throws IOException, URISyntaxException {
        Path directory = Path.of(InvalidCorpusTest.class.getResource(DIRECTORY).toURI());
        List<String> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv")).sorted().toList();
        }
        List<String> listed = cases().map(Case::fixture).sorted().toList();

        assertThat(listed).containsExactlyElementsOf(files).hasSizeGreaterThanOrEqualTo(60);
        assertThat(files).anyMatch(f -> f.endsWith(".json")).anyMatch(f -> f.endsWith(".yaml"));
    }

    private static String summary(Diagnostic d) {
        return d.code().id() + "@" + d.location().line() + ":" + d.location().column();
    }

    private static List<String> expectedLines() {
        try {
            return new String(read("expected.tsv"), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String fixture) throws IOException {
        try (InputStream in = InvalidCorpusTest.class.getResourceAsStream(DIRECTORY + fixture)) {
            if (in == null) {
                throw new IOException("missing fixture " + fixture);
            }
            return in.readAllBytes();
        }
    }
}
