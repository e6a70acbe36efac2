package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.demo.DemoSite;
import io.crawlseq.cli.local.LocalCommands;
import io.crawlseq.cli.local.StoreRunRecorder;
import io.crawlseq.cli.run.LocalRun;
import io.crawlseq.cli.run.MockResults;
import io.crawlseq.cli.run.RunProgress;
import io.crawlseq.cli.run.RunReport;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.plan.RunContexts;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.HubKind;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.Storage;
import io.crawlseq.store.StoredArticle;
import io.crawlseq.store.StoredHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crawl-sequence demo}: serves the bundled demo news site on a loopback port, runs the
 * bundled demo sequence against it (the same compile → local engine → command handlers → store
 * path as {@code run}), and prints what was found.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run an example sequence against a small bundled news site, offline.",
        description = {
            "Serve a small news site bundled with crawl-sequence on this machine (loopback only) and run "
                    + "an example sequence against it: sitemaps, country hubs, a short article crawl from each "
                    + "country hub (ForEach), topic hubs (Conditional). Offline; robots.txt is obeyed. Prints what "
                    + "was found; the run stays in the local history ('history', 'show', 'stats')."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the demo ran",
            "2:usage error",
            "3:the demo run failed",
            "4:the data directory is in use by another crawl-sequence process",
            "70:internal error (a bug in crawl-sequence)",
        })
final class DemoCommand implements Callable<Integer> {

    static final String SEQUENCE = "/io/crawlseq/cli/demo/demo-sequence.yaml";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Loopback port to serve the demo site on (default: a free one).")
    int port;

    @Option(names = "--keep-serving",
            description = "Keep serving the site after the run, to browse it (stop with Ctrl-C).")
    boolean keepServing;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show steps and crawl progress as they happen (default: on).")
    boolean progress;

    @Mixin
    StoreOptions store;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Compilation compilation = Compilation.of("demo-sequence.yaml", bundledSequence(),
                new SequenceCompiler(CommandRegistry.standard()));
        if (!compilation.isDeployable()) {
            compilation.diagnostics().forEach(d -> err.println(d.format()));
            throw new IllegalStateException("the bundled demo sequence does not compile");
        }
        Clock clock = context.environment().clock();
        Storage storage = context.stores().storage(store.location(context.environment()));
        try (DemoSite site = start()) {
            String start = site.baseUrl() + "/";
            out.println("Serving \"The Loopback Ledger\", a demo news site (" + site.size() + " pages and files), at " + start);
            out.println("Running the demo sequence: sitemaps, country hubs, stories from each country hub, topic hubs");
            out.flush();
            CrawlerConfig crawler = context.environment().crawlerConfig(AllowList.parse(List.of(site.hostPort())).allowList());
            LocalCommands commands = new LocalCommands(storage, crawler, ScriptExecutor.UNAVAILABLE,
                    progress ? TerminalProgress.lines(err) : CommandProgress.NONE, clock);
            ObjectNode runContext = RunContexts.merge(compilation.load().sequence().orElseThrow(),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), start);
            String runId = LocalRun.newRunId(clock);
            RunReport report = new LocalRun(commands.dispatcher(), MockResults.none(),
                    progress ? RunProgress.lines(err) : RunProgress.silent(), clock, 1.0,
                    new StoreRunRecorder(storage.runs())).run("demo", compilation.compiled().orElseThrow(), runContext, runId);
            out.print(summary(report, storage, SiteId.ofUrl(start)));
            out.flush();
            if (keepServing) {
                // let other crawl-sequence processes (history, show, command) use the data directory meanwhile
                context.stores().close();
                out.println();
                out.println("Still serving " + start + " (Ctrl-C to stop; try: crawl-sequence command siteExplorer"
                        + " --start-url " + start + " --allow-host " + site.hostPort() + ")");
                out.flush();
                new CountDownLatch(1).await();
            }
            return report.succeeded() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }

    private DemoSite start() throws IOException {
        try {
            return DemoSite.start(port);
        } catch (java.net.BindException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port " + port + ": cannot serve the demo site there (" + e.getMessage() + "); try another port or 0");
        }
    }

    private static byte[] bundledSequence() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SEQUENCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo sequence is missing from this build");
            }
            return in.readAllBytes();
        }
    }

    /** What the run found, from the store (hubs, articles) and the run's results (sitemaps, counters). */
    static String summary(RunReport report, Storage storage, SiteId site) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append("Demo run ").append(report.runId()).append(' ').append(report.status()).append(" in ")
                .append(ResultText.seconds(report.elapsed().toMillis())).append('\n');
        Map<HubKind, List<StoredHub>> byKind = new TreeMap<>();
        for (StoredHub h : storage.crawl().allHubs(HubQuery.allOf(site))) {
            byKind.computeIfAbsent(h.hub().kind(), k -> new ArrayList<>()).add(h);
        }
        sb.append("\nHubs found (kept in the local store for ").append(site).append("):\n");
        if (byKind.isEmpty()) {
            sb.append("  none\n");
        }
        byKind.forEach((kind, hubs) -> {
            List<String> names = new ArrayList<>();
            for (StoredHub h : hubs) {
                String path = h.hub().url().replaceFirst("^https?://[^/]+", "");
                names.add(h.hub().iso2().map(c -> c + " ").orElse("") + path);
            }
            sb.append(String.format("  %-8s %2d  %s%n", kind.wireName(), hubs.size(), String.join(", ", names)));
        });
        JsonNode results = report.output() == null ? null : report.output().path("results");
        if (results != null) {
            JsonNode missing = results.at("/countryHubs/missing");
            if (missing.isArray() && !missing.isEmpty()) {
                List<String> codes = new ArrayList<>();
                missing.forEach(m -> codes.add(m.asText()));
                sb.append("  (asked for but not on the site: ").append(String.join(", ", codes)).append(")\n");
            }
            JsonNode sitemaps = results.path("sitemaps");
            if (sitemaps.isObject()) {
                sb.append("\nSitemaps: ").append(sitemaps.path("sitemapCount").asInt()).append(" read, listing ")
                        .append(sitemaps.path("urlCount").asInt()).append(" URLs (")
                        .append(sitemaps.path("newsUrlCount").asInt()).append(" in news sitemaps)\n");
            }
        }
        sb.append("Stories recorded: ").append(articleCount(storage, site)).append(" (metadata and page bodies)\n");
        Map<String, Long> counters = StoreRunRecorder.summary(report);
        sb.append("Fetched: ").append(counters.get("pagesFetched")).append(" responses, ")
                .append(ResultText.bytes(counters.get("bytesFetched"))).append(" in ").append(counters.get("invocations"))
                .append(" command invocations (").append(counters.get("invocationsFailed")).append(" failed)\n");
        RunReport.warnings(report.output()).forEach(w -> sb.append("Warning: ").append(w).append('\n'));
        sb.append("\nNext: crawl-sequence show ").append(report.runId())
                .append("   crawl-sequence history   crawl-sequence stats\n");
        return sb.toString();
    }

    private static long articleCount(Storage storage, SiteId site) {
        long n = 0;
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (request.isPresent()) {
            Page<StoredArticle> page = storage.crawl().articles(site, request.get());
            n += page.items().size();
            request = request.get().next(page);
        }
        return n;
    }
}
