package io.crawlseq.commands.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.commands.ScriptLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryScriptSourceTest {

    @TempDir
    Path base;

    @Test
    void read_ofARelativePath_readsItFromTheBaseDirectory() throws IOException {
        Files.createDirectories(base.resolve("scripts"));
        Files.writeString(base.resolve("scripts/news.js"), "function scrapeData(u) { return []; } // é");

        ScriptLookup lookup = new DirectoryScriptSource(base).read("scripts/news.js");

        assertThat(lookup).isEqualTo(new ScriptLookup.Found("scripts/news.js", "function scrapeData(u) { return []; } // é"));
    }

    @Test
    void read_ofAnAbsolutePath_ignoresTheBaseDirectory(@TempDir Path elsewhere) throws IOException {
        Path file = Files.writeString(elsewhere.resolve("abs.js"), "// absolute");

        ScriptLookup lookup = new DirectoryScriptSource(base).read(file.toString());

        assertThat(lookup).isInstanceOfSatisfying(ScriptLookup.Found.class, f -> assertThat(f.text()).isEqualTo("// absolute"));
    }

    @Test
    void read_ofAMissingFile_isMissingNamingTheResolvedPathAndTheBase() {
        ScriptLookup lookup = new DirectoryScriptSource(base).read("scripts/none.js");

        assertThat(lookup).isInstanceOfSatisfying(ScriptLookup.Missing.class, m -> assertThat(m.message())
                .contains(base.resolve("scripts/none.js").toString()).contains("relative paths are read from " + base));
    }

    @Test
    void read_ofADirectoryOrABlankLocation_isMissing() throws IOException {
        Files.createDirectories(base.resolve("scripts"));

        assertThat(new DirectoryScriptSource(base).read("scripts")).isInstanceOf(ScriptLookup.Missing.class);
        assertThat(new DirectoryScriptSource(base).read("  ")).isInstanceOf(ScriptLookup.Missing.class);
    }

    @Test
    void read_ofAFileThatIsNotUtf8_isMissingSayingSo() throws IOException {
        Files.write(base.resolve("latin1.js"), new byte[] {'/', '/', ' ', (byte) 0xE9});

        ScriptLookup lookup = new DirectoryScriptSource(base).read("latin1.js");

        assertThat(lookup).isInstanceOfSatisfying(ScriptLookup.Missing.class,
                m -> assertThat(m.message()).endsWith("is not UTF-8 text"));
    }

    @Test
    void read_ofAFileAboveTheSizeCap_isMissingWithoutReadingIt() throws IOException {
        Path big = base.resolve("big.js");
        Files.write(big, new byte[(int) DirectoryScriptSource.MAX_FILE_BYTES + 1]);

        ScriptLookup lookup = new DirectoryScriptSource(base).read("big.js");

        assertThat(lookup).isInstanceOfSatisfying(ScriptLookup.Missing.class,
                m -> assertThat(m.message()).contains("larger than " + DirectoryScriptSource.MAX_FILE_BYTES));
    }

    @Test
    void found_withALongLocation_keepsTheEndAsScriptId() {
        String location = "a/".repeat(150) + "news.js";

        ScriptLookup.Found found = new ScriptLookup.Found(location, "x");

        assertThat(found.scriptId()).hasSize(200).endsWith("/news.js").startsWith("…");
    }
}
