package io.crawlseq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.parse.SourceFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence validate FILE...}: every problem of every file, one line each. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check sequences without running them: every problem at file:line:column.",
        description = {
            "Check sequences (.json, .yaml, .yml) without running them: syntax, shape, "
                    + "commands, arguments, expressions, templates and paths. Prints one line per "
                    + "problem on standard output:",
            "  path:line:column: severity code: message",
            "(codes: docs/diagnostics.md), and a summary line on standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors (warnings allowed)",
            "1:at least one error in at least one file",
            "2:usage error (no FILE, unknown option)",
            "70:internal error (a bug in crawl-sequence)",
        })
final class ValidateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Sequence files; a directory stands for the .json/.yaml/.yml files in it.")
    List<Path> files;

    @Option(names = "--json", description = "Print a JSON report (with JSON Pointers) instead of lines.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LoadResult> results = new ArrayList<>();
        for (Path file : expand(files)) {
            results.add(SequenceLoader.load(file));
        }
        if (json) {
            out.println(JSON.writeValueAsString(report(results)));
        } else {
            for (LoadResult r : results) {
                r.diagnostics().forEach(d -> out.println(d.format()));
                if (r.dropped() > 0) {
                    err.println(r.fileName() + ": " + r.dropped() + " more " + plural(r.dropped(), "problem")
                            + " not shown (the first " + r.diagnostics().size() + " are listed)");
                }
            }
        }
        int errors = results.stream().mapToInt(LoadResult::errorCount).sum();
        int warnings = results.stream().mapToInt(LoadResult::warningCount).sum();
        err.println(count(errors, "error") + ", " + count(warnings, "warning") + " in " + count(results.size(), "file"));
        out.flush();
        err.flush();
        return errors > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
    }

    /** Files as given; directories replaced by their sequence files, sorted. */
    private static List<Path> expand(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> children = Files.list(p)) {
                    children.filter(c -> Files.isRegularFile(c) && SourceFormat.ofFileName(c.toString()).isPresent())
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static ObjectNode report(List<LoadResult> results) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (LoadResult r : results) {
            ObjectNode f = files.addObject();
            f.put("file", r.fileName());
            r.version().ifPresentOrElse(v -> f.put("version", v.name().toLowerCase(Locale.ROOT)), () -> f.putNull("version"));
            f.put("valid", !r.hasErrors());
            f.put("errors", r.errorCount());
            f.put("warnings", r.warningCount());
            f.put("notShown", r.dropped());
            ArrayNode list = f.putArray("diagnostics");
            for (Diagnostic d : r.diagnostics()) {
                ObjectNode o = list.addObject();
                o.put("file", d.location().file());
                o.put("line", d.location().line());
                o.put("column", d.location().column());
                o.put("severity", d.severity().label());
                o.put("code", d.code().id());
                o.put("message", d.message());
                o.put("pointer", d.pointer());
            }
        }
        root.put("errors", results.stream().mapToInt(LoadResult::errorCount).sum());
        root.put("warnings", results.stream().mapToInt(LoadResult::warningCount).sum());
        return root;
    }

    static String count(int n, String noun) {
        return n + " " + plural(n, noun);
    }

    private static String plural(int n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
