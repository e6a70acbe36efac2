package io.crawlseq.lang.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.Diagnostics;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.parse.DocumentReader;
import io.crawlseq.lang.parse.ParsedDocument;
import io.crawlseq.lang.parse.SourceMap;
import io.crawlseq.lang.schema.SequenceSchemas;
import io.crawlseq.lang.schema.VersionDetector;
import io.crawlseq.lang.validate.SemanticValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The front door of the language: file in, {@link Sequence} or diagnostics out. Reads (JSON/YAML
 * with source positions), checks shape (JSON Schema), builds the model and checks meaning, and
 * reports every problem at once in {@code file:line:column} form. Used by the CLI, the compiler,
 * the deployer Lambda and the tests alike.
 *
 * <pre>{@code
 * LoadResult r = SequenceLoader.load(Path.of("sequences/g7-place-hubs.json"));
 * r.diagnostics().forEach(d -> System.err.println(d.format()));
 * Sequence s = r.sequence().orElseThrow();
 * }</pre>
 */
public final class SequenceLoader {

    private SequenceLoader() {
    }

    /** Loads a file; its path as given names it in diagnostics. The size cap is checked before reading. */
    public static LoadResult load(Path file) {
        return load(file, LoadOptions.DEFAULT);
    }

    public static LoadResult load(Path file, LoadOptions options) {
        return check(DocumentReader.read(file, file.toString(), options.limits()), options);
    }

    /** Loads content already in memory (an S3 object, a test string); {@code fileName} picks JSON or YAML. */
    public static LoadResult load(String fileName, byte[] content) {
        return load(fileName, content, LoadOptions.DEFAULT);
    }

    public static LoadResult load(String fileName, byte[] content, LoadOptions options) {
        return check(DocumentReader.read(fileName, content, options.limits()), options);
    }

    private static LoadResult check(ParsedDocument parsed, LoadOptions options) {
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        SourceMap map = parsed.sourceMap();
        if (parsed.root().isEmpty()) {
            return result(parsed, Optional.empty(), Optional.empty(), all);
        }
        JsonNode root = parsed.root().get();
        VersionDetector.Detection detection = VersionDetector.detect(root, map);
        if (detection.version().isEmpty()) {
            detection.problem().ifPresent(all::add);
            return result(parsed, Optional.empty(), Optional.empty(), all);
        }
        SequenceVersion version = detection.version().get();
        List<Diagnostic> shape = SequenceSchemas.validate(root, version, map, parsed::isDamaged);
        all.addAll(shape);
        Set<String> problems = new HashSet<>(parsed.damagedPointers());
        shape.forEach(d -> problems.add(d.pointer()));
        SequenceBuilder.Built built = SequenceBuilder.build(root, version, problems, map);
        all.addAll(built.diagnostics());
        built.diagnostics().forEach(d -> problems.add(d.pointer()));
        all.addAll(SemanticValidator.validate(built.draft(), root, map, options.registry(),
                pointer -> parsed.isDamaged(pointer) || problems.contains(pointer)));
        return result(parsed, Optional.of(version), Optional.of(built.draft().sequence()), all);
    }

    private static LoadResult result(ParsedDocument parsed, Optional<SequenceVersion> version,
                                     Optional<Sequence> sequence, List<Diagnostic> all) {
        all.sort(Diagnostic.REPORT_ORDER);
        int errors = (int) all.stream().filter(Diagnostic::isError).count() + parsed.droppedErrors();
        int warnings = (int) all.stream().filter(d -> !d.isError()).count();
        List<Diagnostic> kept = all.subList(0, Math.min(all.size(), Diagnostics.DEFAULT_CAP));
        return new LoadResult(parsed.fileName(), version, errors > 0 ? Optional.empty() : sequence, parsed.root(),
                parsed.sourceMap(), kept, errors, warnings);
    }
}
