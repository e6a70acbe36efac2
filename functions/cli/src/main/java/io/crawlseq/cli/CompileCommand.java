package io.crawlseq.cli;

import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.FunctionResolver;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.registry.CommandRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence compile FILE [-o OUT]}: the Amazon States Language definition of a sequence. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Print a sequence's AWS Step Functions definition (ASL).",
        description = {
            "Validate a sequence and print its AWS Step Functions definition (Amazon States "
                    + "Language, JSONPath). Function ARNs stay $${<Command>FunctionArn} placeholders, as "
                    + "SAM DefinitionSubstitutions and the sequence deployer expect, unless "
                    + "--function-arn-pattern fills them in. The output is deterministic."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:compiled (warnings, if any, on standard error)",
            "1:the sequence has errors; nothing was written",
            "2:usage error",
            "70:internal error (a bug in crawl-sequence)",
        })
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sequence (.json, .yaml or .yml).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the definition to OUT instead of standard output.")
    Path output;

    @Option(names = "--function-arn-pattern", paramLabel = "PATTERN",
            description = "Fill in function ARNs, e.g. arn:aws:lambda:eu-west-1:123456789012:function:crawlseq-{logicalId} "
                    + "({command} and {logicalId} are replaced).")
    String functionArnPattern;

    @Override
    public Integer call() throws IOException {
        FunctionResolver functions = FunctionResolver.placeholders();
        if (functionArnPattern != null) {
            try {
                functions = FunctionResolver.pattern(functionArnPattern);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Compilation compilation = SequenceFiles.compile(file, new SequenceCompiler(CommandRegistry.standard(), functions),
                spec.commandLine().getErr());
        if (!compilation.isDeployable()) {
            return ExitCode.PROBLEMS;
        }
        String json = compilation.compiled().orElseThrow().json();
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            // write beside the target, then move: a failed write never leaves half a definition
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".compile-", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().println("wrote " + output);
        }
        return ExitCode.OK;
    }
}
