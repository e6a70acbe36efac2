package io.crawlseq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.crawlseq.lang.registry.CommandReference;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence commands [NAME]}: the command reference, generated from the registry. */
@Command(name = "commands",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "List the crawl commands a sequence may use, or show one in detail.",
        description = {
            "List the crawl commands a sequence may use (the registry is the whitelist), "
                    + "or show one command's arguments, defaults, ranges, result fields and Lambda "
                    + "settings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "2:usage error (unknown command NAME, unknown option)",
            "70:internal error (a bug in crawl-sequence)",
        })
final class CommandsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show only this command, in detail.")
    String name;

    @Option(names = "--json", description = "Print the reference as JSON.")
    boolean json;

    @Option(names = "--markdown", description = "Print the reference as Markdown (as in docs/commands.md).")
    boolean markdown;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CommandRegistry registry = CommandRegistry.standard();
        if (name == null) {
            out.print(json ? JSON.writeValueAsString(CommandReference.json(registry)) + "\n"
                    : markdown ? CommandReference.markdown(registry) : CommandReference.text(registry));
            out.flush();
            return ExitCode.OK;
        }
        Optional<CommandSpec> command = registry.find(name);
        if (command.isEmpty()) {
            spec.commandLine().getErr().println("crawl-sequence commands: unknown command '" + name + "'"
                    + registry.suggest(name).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (crawl-sequence commands lists them all)");
            return ExitCode.USAGE;
        }
        out.print(json ? JSON.writeValueAsString(CommandReference.json(command.get())) + "\n"
                : CommandReference.text(command.get()));
        out.flush();
        return ExitCode.OK;
    }
}
