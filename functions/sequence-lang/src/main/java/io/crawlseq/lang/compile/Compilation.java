package io.crawlseq.lang.compile;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.registry.CommandRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sequence taken through all three validation layers: loaded (layers 1 and 2), then compiled with
 * the compiler's findings (layer 3) turned into positioned diagnostics on the same report. Nothing
 * may be deployed or run unless {@link #isDeployable()}.
 *
 * @param load     the load result, including layer-3 diagnostics
 * @param compiled present when the sequence loaded without errors (it may still carry layer-3 errors)
 */
public record Compilation(LoadResult load, Optional<CompileResult> compiled) {

    public static Compilation of(Path file, SequenceCompiler compiler) {
        return of(SequenceLoader.load(file), compiler);
    }

    public static Compilation of(String fileName, byte[] content, SequenceCompiler compiler) {
        return of(SequenceLoader.load(fileName, content), compiler);
    }

    public static Compilation of(LoadResult load, SequenceCompiler compiler) {
        if (load.sequence().isEmpty()) {
            return new Compilation(load, Optional.empty());
        }
        CompileResult result = compiler.compile(load.sequence().get());
        List<Diagnostic> layer3 = result.issues().stream()
                .map(issue -> Diagnostic.of(issue.code(), issue.message(), issue.pointer(),
                        load.sourceMap().locate(issue.pointer())))
                .toList();
        return new Compilation(layer3.isEmpty() ? load : load.withDiagnostics(layer3), Optional.of(result));
    }

    /** Compiles with the standard registry and {@code ${...FunctionArn}} placeholders. */
    public static Compilation of(Path file) {
        return of(file, new SequenceCompiler(CommandRegistry.standard()));
    }

    /** True when there is a definition and no error on any layer. */
    public boolean isDeployable() {
        return compiled.isPresent() && !load.hasErrors();
    }

    public List<Diagnostic> diagnostics() {
        return load.diagnostics();
    }
}
