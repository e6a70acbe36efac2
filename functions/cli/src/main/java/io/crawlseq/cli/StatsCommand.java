package io.crawlseq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crawlseq.lang.compile.AslJson;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.DailyMetrics;
import io.crawlseq.store.MetricCounters;
import io.crawlseq.store.MetricsStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence stats}: per-command totals of the daily metrics. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Per-command totals over a range of days: invocations, failures, time, pages, bytes.",
        description = "Per-command totals over a range of UTC days: invocations (each continuation of a long crawl "
                + "counts), failures, mean duration, pages and bytes fetched.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing ran in the range)",
            "2:usage error (bad date or range, unknown command)",
            "4:the data directory is in use by another crawl-sequence process",
            "5:the deployed store cannot be read (credentials, endpoint, tables)",
            "70:internal error (a bug in crawl-sequence)",
        })
final class StatsCommand implements Callable<Integer> {

    /** Days shown when --from is not given (ending with --to, or today). */
    static final int DEFAULT_DAYS = 30;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-MM-dd (default: 29 days before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-MM-dd (default: today, UTC).")
    LocalDate to;

    @Option(names = "--command", paramLabel = "NAME", description = "Only this command.")
    String command;

    @Option(names = "--json", description = "Print the totals as JSON.")
    boolean json;

    @Mixin
    DeployedStoreOptions store;

    StatsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LocalDate last = to != null ? to : LocalDate.ofInstant(context.environment().clock().instant(), ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new ParameterException(spec.commandLine(), "--from " + first + " is after --to " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MetricsStore.MAX_RANGE_DAYS) {
            throw new ParameterException(spec.commandLine(), "the range is limited to " + MetricsStore.MAX_RANGE_DAYS + " days");
        }
        if (command != null && !CommandRegistry.standard().contains(command)) {
            throw new ParameterException(spec.commandLine(), "unknown command '" + command + "'"
                    + CommandRegistry.standard().suggest(command).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        MetricsStore metrics = context.stores().storage(store.location(context.environment())).metrics();
        List<DailyMetrics> days = command != null ? metrics.daily(command, first, last) : metrics.dailyAllCommands(first, last);
        Map<String, MetricCounters> totals = DailyMetrics.totalsByCommand(days);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? AslJson.print(json(first, last, totals)) : text(first, last, totals));
        out.flush();
        return ExitCode.OK;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(LocalDate first, LocalDate last,
                                                                        Map<String, MetricCounters> totals) {
        var root = JsonNodeFactory.instance.objectNode().put("from", first.toString()).put("to", last.toString());
        ArrayNode list = root.putArray("commands");
        totals.forEach((name, c) -> list.addObject().put("command", name).put("invocations", c.invocations())
                .put("failures", c.failures()).put("meanDurationMs", Math.round(c.meanDurationMs()))
                .put("pages", c.pages()).put("bytes", c.bytes()));
        return root;
    }

    private static String text(LocalDate first, LocalDate last, Map<String, MetricCounters> totals) {
        String header = "commands run " + first + " .. " + last + " (UTC days)\n";
        if (totals.isEmpty()) {
            return header + "  nothing ran in this range\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMMAND", "INVOCATIONS", "FAILURES", "MEAN TIME", "PAGES", "BYTES"));
        totals.forEach((name, c) -> rows.add(List.of(name, String.valueOf(c.invocations()), String.valueOf(c.failures()),
                ResultText.seconds(Math.round(c.meanDurationMs())), String.valueOf(c.pages()), ResultText.bytes(c.bytes()))));
        StringBuilder sb = new StringBuilder(header);
        for (String line : Columns.format(rows).split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }
}
