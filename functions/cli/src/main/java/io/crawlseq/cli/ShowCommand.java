package io.crawlseq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.compile.AslJson;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.StepRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence show RUN_ID}: one run and its steps in execution order. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Show one run with every step invocation, its args and its result.",
        description = "Show one run: its status, input and counters, and every step invocation in order with its "
                + "args, status, time and result (or error).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:no run with that id",
            "2:usage error",
            "4:the data directory is in use by another crawl-sequence process",
            "5:the deployed store cannot be read (credentials, endpoint, tables)",
            "70:internal error (a bug in crawl-sequence)",
        })
final class ShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "A run id from 'crawl-sequence history'.")
    String runId;

    @Option(names = "--json", description = "Print {run, steps} as JSON (results in full as recorded).")
    boolean json;

    @Mixin
    DeployedStoreOptions store;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<RunDetail> detail = context.stores().storage(store.location(context.environment())).runs().runDetail(runId);
        if (detail.isEmpty()) {
            spec.commandLine().getErr().println("crawl-sequence: no run '" + runId + "' in the "
                    + store.location(context.environment()).describe() + " (see: crawl-sequence history)");
            spec.commandLine().getErr().flush();
            return ExitCode.PROBLEMS;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? AslJson.print(json(detail.get())) : text(detail.get()));
        out.flush();
        return ExitCode.OK;
    }

    private static ObjectNode json(RunDetail detail) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.set("run", HistoryJson.run(detail.run()));
        ArrayNode steps = o.putArray("steps");
        detail.steps().forEach(s -> steps.add(HistoryJson.step(s)));
        return o;
    }

    private static String text(RunDetail detail) {
        RunRecord run = detail.run();
        StringBuilder sb = new StringBuilder();
        sb.append("run ").append(run.runId()).append("  ").append(run.sequenceName()).append("  ").append(run.status())
                .append('\n');
        sb.append("  started ").append(HistoryCommand.TIME.format(run.startedAt())).append(" UTC");
        run.finishedAt().ifPresent(f -> sb.append(", took ")
                .append(ResultText.seconds(java.time.Duration.between(run.startedAt(), f).toMillis())));
        sb.append('\n');
        sb.append("  input ").append(run.input().text()).append('\n');
        if (!run.summary().isEmpty()) {
            List<String> counters = new ArrayList<>();
            for (Map.Entry<String, Long> e : run.summary().entrySet()) {
                counters.add(e.getKey() + " " + (e.getKey().equals("bytesFetched") ? ResultText.bytes(e.getValue())
                        : e.getValue()));
            }
            sb.append("  ").append(String.join(" · ", counters)).append('\n');
        }
        run.error().ifPresent(e -> sb.append("  error ").append(e.type()).append(": ").append(e.message()).append('\n'));
        if (detail.steps().isEmpty()) {
            sb.append("  (no step recorded)\n");
            return sb.toString();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("STEP", "COMMAND", "INV", "STATUS", "TIME", "RESULT"));
        for (StepRecord s : detail.steps()) {
            rows.add(List.of(s.stepId(), s.command(), String.valueOf(s.invocation()) + (s.attempt() > 1 ? "/" + s.attempt() : ""),
                    s.status().isTerminal() ? s.status().envelopeName() : "running",
                    s.elapsedMs().map(ResultText::seconds).orElse("-"),
                    s.error().map(e -> e.type() + ": " + e.message())
                            .orElse(s.result().map(r -> HistoryJson.resultSummary(r.node(), 5)).orElse(""))));
        }
        sb.append('\n');
        for (String line : Columns.format(rows).split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append('\n').append("  args:\n");
        for (StepRecord s : detail.steps()) {
            if (s.invocation() == 1) {
                sb.append("    ").append(s.stepId()).append(' ').append(s.args().text()).append('\n');
            }
        }
        return sb.toString();
    }
}
