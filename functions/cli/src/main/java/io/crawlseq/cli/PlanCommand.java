package io.crawlseq.cli;

import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.plan.Plan;
import io.crawlseq.lang.plan.PlanPrinter;
import io.crawlseq.lang.plan.Planner;
import io.crawlseq.lang.registry.CommandRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence plan FILE}: the dry run. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Dry run: every step that would run, in order, with its resolved arguments.",
        description = {
            "Dry run: show every step that would run, in order, with its resolved arguments "
                    + "(defaults filled in) and the Lambda function it calls; branches with what decides "
                    + "them; loops expanded when their items are in the run context. Nothing is fetched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:planned",
            "1:the sequence has errors",
            "2:usage error",
            "70:internal error (a bug in crawl-sequence)",
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sequence (.json, .yaml or .yml).")
    Path file;

    @Mixin
    RunContextOptions contextOptions;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandRegistry registry = CommandRegistry.standard();
        Compilation compilation = SequenceFiles.compile(file, new SequenceCompiler(registry), spec.commandLine().getErr());
        if (!compilation.isDeployable()) {
            return ExitCode.PROBLEMS;
        }
        Sequence sequence = compilation.load().sequence().orElseThrow();
        Plan plan = new Planner(registry).plan(sequence, contextOptions.runContext(sequence, spec.commandLine()));
        if (json) {
            spec.commandLine().getOut().print(io.crawlseq.lang.compile.AslJson.print(PlanPrinter.json(plan)));
        } else {
            spec.commandLine().getOut().print(PlanPrinter.text(plan));
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
