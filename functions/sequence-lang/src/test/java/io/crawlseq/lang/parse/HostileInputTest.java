package io.crawlseq.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to hurt (generated here because they are huge or their point is their size): each
 * must end as diagnostics with positions, never an exception, a hang or unbounded memory.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static String first(LoadResult r) {
        Diagnostic d = r.diagnostics().getFirst();
        return d.code().id() + "@" + d.location().line() + ":" + d.location().column();
    }

    @Test
    void a100MegabyteFile_isRejectedFromItsSize_beforeAnyOfItIsRead() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(100L * 1024 * 1024); // sparse: costs no disk, and reading it would cost 100 MB
        }

        LoadResult r = SequenceLoader.load(file);

        assertThat(r.diagnostics()).extracting(Diagnostic::format).containsExactly(file
                + ":1:1: error file-too-large: the file is 104857600 bytes; the limit is 5242880 bytes (5 MiB)");
    }

    @Test
    void tenThousandLevelsOfJsonArrays_stopAtTheDepthCap() {
        String text = "[".repeat(10_000) + "]".repeat(10_000);

        LoadResult r = SequenceLoader.load("deep.json", text.getBytes(StandardCharsets.UTF_8));

        assertThat(r.diagnostics()).hasSize(1);
        assertThat(first(r)).isEqualTo("nesting-too-deep@1:65");
    }

    @Test
    void tenThousandLevelsOfYamlFlowNesting_andDeepBlockNesting_stopAtTheDepthCap() {
        String flow = "[".repeat(10_000) + "]".repeat(10_000);
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }

        assertThat(first(SequenceLoader.load("deep.yaml", flow.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("nesting-too-deep@1:65");
        assertThat(first(SequenceLoader.load("deep2.yaml", block.toString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("nesting-too-deep@65:65");
    }

    @Test
    void aBillionLaughsAliasBomb_isRejectedWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder("type: Sequence\nsteps: []\ncontext:\n");
        yaml.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 10; level++) {
            String alias = "*a" + (level - 1);
            yaml.append("  a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, alias))).append("]\n");
        }
        // expanded, this is 10^11 strings; read as events it is 11 anchors and 100 aliases

        LoadResult r = SequenceLoader.load("bomb.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics()).hasSize(100);
        assertThat(r.errorCount()).isEqualTo(111);
        assertThat(r.dropped()).isEqualTo(12);
        assertThat(first(r)).isEqualTo("empty-block@2:8");
        assertThat(r.diagnostics().subList(1, 100)).extracting(d -> d.code().id()).containsOnly("yaml-anchor", "yaml-alias");
    }

    @Test
    void aFiveMegabyteSingleLineString_isReadAndReportedWithAShortMessage() {
        String huge = "x".repeat(4 * 1024 * 1024);
        String json = "[\"ensureCountryHubs\", \"" + huge + "\"]";

        LoadResult r = SequenceLoader.load("long.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(first(r)).isEqualTo("unknown-command@1:23");
        assertThat(r.diagnostics().getFirst().message().length()).isLessThan(200);
    }

    @Test
    void aMinifiedDocumentWithManyValuesOnOneLine_isLocatedExactly() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            json.append("\"ensureCountryHubs\",");
        }
        json.append("\"nope\"]");

        LoadResult r = SequenceLoader.load("minified.json", json.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(first(r)).isEqualTo("unknown-command@1:" + (2 + 50_000 * 20));
    }

    @Test
    void longKeysNestedDeep_overManyValues_costMemoryInProportionToTheFile() {
        // pointers spelled out per value would repeat 60 x 1000 key characters for each of the
        // 200,000 items: about 12 GB; the source map is a tree instead
        StringBuilder json = new StringBuilder("{\"type\": \"Sequence\", \"steps\": [{\"type\": \"Command\", "
                + "\"command\": \"findTopicHubs\"}], \"context\": ");
        for (int i = 0; i < 60; i++) {
            json.append("{\"").append(Integer.toString(i).repeat(1000 / Integer.toString(i).length())).append("\": ");
        }
        json.append("[");
        for (int i = 0; i < 200_000; i++) {
            json.append(i == 0 ? "1" : ",1");
        }
        json.append("]").append("}".repeat(60)).append("}");

        LoadResult r = SequenceLoader.load("wide.json", json.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.sourceMap().size()).isGreaterThan(200_000);
        String deepest = r.sourceMap().locate("/context/" + "0".repeat(1000)).toString();
        assertThat(deepest).isEqualTo("wide.json:1:1098");
    }

    @Test
    void nulBytesAndInvalidUtf8_areReportedAtTheFirstBadByte() {
        byte[] withNul = "[\n  \"a\u0000\"\n]".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = Arrays.copyOf("[\n  \"ab".getBytes(StandardCharsets.UTF_8), 9);
        invalid[7] = (byte) 0xFF;
        invalid[8] = '"';

        assertThat(first(SequenceLoader.load("nul.json", withNul))).isEqualTo("syntax-error@2:5");
        assertThat(first(SequenceLoader.load("bad.yaml", invalid))).isEqualTo("invalid-utf8@2:6");
    }

    @Test
    void binaryGarbage_neverThrows() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            for (String name : new String[] {"g.json", "g.yaml"}) {
                LoadResult r = SequenceLoader.load(name, bytes);
                assertThat(r.hasErrors() || bytes.length == 0 || r.sequence().isPresent()).isTrue();
            }
        }
    }

    @Test
    void aFileThatIsADirectoryOrMissing_isUnreadable_notAnException() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("seq.json"));

        assertThat(first(SequenceLoader.load(sub))).isEqualTo("file-unreadable@1:1");
        assertThat(first(SequenceLoader.load(dir.resolve("missing.yaml")))).isEqualTo("file-unreadable@1:1");
    }
}
