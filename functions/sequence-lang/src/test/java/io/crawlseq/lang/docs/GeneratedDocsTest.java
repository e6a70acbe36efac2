package io.crawlseq.lang.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.RepositoryFiles;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.registry.CommandReference;
import io.crawlseq.lang.registry.CommandRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/commands.md and docs/diagnostics.md are generated; this test fails when either is stale.
 * Regenerate with {@code -Dcrawlseq.regenerateDocs=true} (see {@link #REGENERATE_HINT}).
 */
class GeneratedDocsTest {

    static final String REGENERATE_HINT = "regenerate it with: ./mvnw -q -pl functions/sequence-lang test "
            + "-Dtest=GeneratedDocsTest -Dcrawlseq.regenerateDocs=true";

    @Test
    void commandsMd_matchesTheRegistry() throws IOException {
        check("docs/commands.md", CommandReference.markdown(CommandRegistry.standard()));
    }

    @Test
    void diagnosticsMd_matchesTheCodes_withARealExampleForEachCodeTheValidatorReports() throws IOException {
        Map<DiagnosticCode, DiagnosticReference.Example> examples = examples();

        for (DiagnosticCode code : DiagnosticCode.values()) {
            boolean reported = code.layer() != DiagnosticCode.Layer.STATE_MACHINE
                    && !DiagnosticReference.RESERVED.contains(code);
            if (reported) {
                assertThat(examples).as("an example of %s", code.id()).containsKey(code);
                assertThat(examples.get(code).output()).as(code.id()).anyMatch(l -> l.contains(" " + code.id() + ": "));
            }
        }
        check("docs/diagnostics.md", DiagnosticReference.markdown(examples));
    }

    @Test
    void commandReference_listsEveryCommandAndArgument() {
        String md = CommandReference.markdown(CommandRegistry.standard());
        String text = CommandReference.text(CommandRegistry.standard());

        CommandRegistry.standard().all().forEach(spec -> {
            assertThat(md).contains("\n## " + spec.name() + "\n");
            assertThat(text).contains(spec.name());
            spec.args().forEach(a -> assertThat(md).contains("| `" + a.name() + "` |"));
        });
        assertThat(md).contains("| `politeness.delayMs` | `integer` | `1000` | 0..60000 |");
        assertThat(CommandReference.json(CommandRegistry.standard())).hasSize(CommandRegistry.standard().all().size());
    }

    private static void check(String relative, String generated) throws IOException {
        Path file = RepositoryFiles.resolve(relative);
        if (Boolean.getBoolean("crawlseq.regenerateDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("%s is missing; %s", relative, REGENERATE_HINT).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is stale; %s", relative, REGENERATE_HINT)
                .isEqualTo(generated);
    }

    /**
     * One example per code: the first fixture of the invalid corpus whose only diagnostic has that
     * code (else the first that has it), plus two that cannot be fixtures (missing, huge file).
     */
    static Map<DiagnosticCode, DiagnosticReference.Example> examples() throws IOException {
        Map<DiagnosticCode, DiagnosticReference.Example> out = new EnumMap<>(DiagnosticCode.class);
        Map<DiagnosticCode, DiagnosticReference.Example> fallback = new EnumMap<>(DiagnosticCode.class);
        for (String line : read("expected.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            String fixture = line.split("\t")[0];
            byte[] content = readBytes(fixture);
            LoadResult result = SequenceLoader.load(fixture, content);
            DiagnosticReference.Example example = new DiagnosticReference.Example(fixture,
                    DiagnosticReference.show(content), language(fixture), formatted(result.diagnostics()));
            if (result.diagnostics().size() == 1) {
                out.putIfAbsent(result.diagnostics().getFirst().code(), example);
            }
            result.diagnostics().forEach(d -> fallback.putIfAbsent(d.code(), example));
        }
        fallback.forEach(out::putIfAbsent);
        LoadResult missing = SequenceLoader.load(Path.of("sequences/missing.yaml"));
        out.put(DiagnosticCode.FILE_UNREADABLE, new DiagnosticReference.Example("sequences/missing.yaml",
                "(no such file)", "text", formatted(missing.diagnostics())));
        LoadResult huge = SequenceLoader.load("huge.json", new byte[6 * 1024 * 1024]);
        out.put(DiagnosticCode.FILE_TOO_LARGE, new DiagnosticReference.Example("huge.json",
                "(6 MiB of data)", "text", formatted(huge.diagnostics())));
        return out;
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    private static String language(String fixture) {
        return fixture.endsWith(".json") ? "json" : fixture.endsWith(".txt") ? "text" : "yaml";
    }

    private static String read(String name) throws IOException {
        return new String(readBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String name) throws IOException {
        try (InputStream in = GeneratedDocsTest.class.getResourceAsStream("/invalid/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
