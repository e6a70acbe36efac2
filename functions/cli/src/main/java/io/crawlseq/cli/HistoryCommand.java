package io.crawlseq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crawlseq.lang.compile.AslJson;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawl-sequence history}: recent runs, newest first. */
@Command(name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List recent runs (sequence runs and single commands), newest first.",
            "Details of one run: crawl-sequence show RUN_ID."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when there is no run yet)",
            "2:usage error",
            "4:the data directory is in use by another crawl-sequence process",
            "5:the deployed store cannot be read (credentials, endpoint, tables)",
            "70:internal error (a bug in crawl-sequence)",
        })
final class HistoryCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--sequence", paramLabel = "NAME",
            description = "Only runs of this sequence (a single command's runs are named command:NAME).")
    String sequence;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Runs to list (1-1000, default 20).")
    int limit;

    @Option(names = "--json", description = "Print the runs as a JSON array.")
    boolean json;

    @Mixin
    DeployedStoreOptions store;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
        }
        RunHistory runs = context.stores().storage(store.location(context.environment())).runs();
        PageRequest page = PageRequest.first(limit);
        List<RunRecord> found = sequence != null ? runs.runsOfSequence(sequence, page).items() : runs.recentRuns(page).items();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            found.forEach(r -> list.add(HistoryJson.run(r)));
            out.print(AslJson.print(list));
        } else {
            out.print(text(found));
        }
        out.flush();
        return ExitCode.OK;
    }

    private String text(List<RunRecord> found) {
        if (found.isEmpty()) {
            return sequence != null ? "no runs of " + sequence + " yet\n" : "no runs yet\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RUN", "SEQUENCE", "STATUS", "STARTED (UTC)", "TIME", "PAGES"));
        for (RunRecord r : found) {
            rows.add(List.of(r.runId(), r.sequenceName(), r.status().name(), TIME.format(r.startedAt()),
                    r.finishedAt().map(f -> ResultText.seconds(java.time.Duration.between(r.startedAt(), f).toMillis()))
                            .orElse("-"),
                    String.valueOf(r.summary().getOrDefault("pagesFetched", 0L))));
        }
        return Columns.format(rows);
    }
}
