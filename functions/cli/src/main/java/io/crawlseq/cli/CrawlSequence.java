package io.crawlseq.cli;

import io.crawlseq.cli.cloud.AwsErrorMessages;
import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreSessions;
import io.crawlseq.localstack.LocalStores;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code crawl-sequence}: validate, compile, plan and run crawl sequences locally. Each subcommand
 * is one class; registering a new one is one line in {@code subcommands} below.
 */
@Command(name = "crawl-sequence",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate, compile and run crawl sequences (JSON or YAML crawl plans) and AI scraping scripts.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (for validate: no errors; warnings allowed)",
            "1:problems found in the input",
            "2:usage error (unknown option, missing argument)",
            "3:run, command, demo: the execution or the command failed; script: the script failed",
            "4:the data directory is in use by another crawl-sequence process",
            "5:history, show, stats: the deployed store cannot be read (credentials, endpoint, tables)",
            "70:internal error (a bug in crawl-sequence)",
        },
        subcommands = {
            ValidateCommand.class,
            CompileCommand.class,
            PlanCommand.class,
            RunCommand.class,
            CommandCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            StatsCommand.class,
            DemoCommand.class,
            ScriptCommand.class,
            CommandsCommand.class,
            LocalStackCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class CrawlSequence implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams (tests pass StringWriters). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CliEnvironment.system(), out, err, args);
    }

    /**
     * Runs one command line in the given environment. Stores the subcommand opens are closed before
     * this returns (DynamoDB Local's threads would otherwise keep the JVM alive).
     */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        try (StoreSessions stores = new StoreSessions(environment.stores())) {
            return commandLine(new CliContext(environment, stores), out, err).execute(args);
        }
    }

    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CrawlSequence(), new Factory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof LocalStores.DataDirectoryInUseException busy) {
                commandLine.getErr().println("crawl-sequence: " + busy.getMessage());
                return ExitCode.STORE_BUSY;
            }
            if (e instanceof SdkException aws) {
                commandLine.getErr().println("crawl-sequence: cannot read the deployed store: " + AwsErrorMessages.describe(aws));
                return ExitCode.STORE_UNREACHABLE;
            }
            commandLine.getErr().println("crawl-sequence: internal error: " + e
                    + " (this is a bug; please report it with the command line and input)");
            return ExitCode.INTERNAL_ERROR;
        });
        return cli;
    }

    /** Builds subcommands, handing the process's {@link CliContext} to those whose constructor takes it. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
