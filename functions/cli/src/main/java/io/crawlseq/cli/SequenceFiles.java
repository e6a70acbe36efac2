package io.crawlseq.cli;

import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads and compiles one sequence file, printing its diagnostics the way {@code validate} does. */
final class SequenceFiles {

    private SequenceFiles() {
    }

    /** Diagnostics go to {@code err}; the caller stops when the result is not deployable. */
    static Compilation compile(Path file, SequenceCompiler compiler, PrintWriter err) {
        Compilation compilation = Compilation.of(file, compiler);
        compilation.diagnostics().forEach(d -> err.println(d.format()));
        if (compilation.load().dropped() > 0) {
            err.println(file + ": " + compilation.load().dropped() + " more problems not shown");
        }
        if (!compilation.isDeployable()) {
            err.println(file + ": " + ValidateCommand.count(compilation.load().errorCount(), "error")
                    + "; nothing was compiled or run (see 'crawl-sequence validate " + file + "')");
        }
        err.flush();
        return compilation;
    }
}
