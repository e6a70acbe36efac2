package io.crawlseq.cli;

import io.crawlseq.cli.cloud.LocalCloud;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crawl-sequence local-stack}: the AWS deployment on this machine ({@link LocalCloud}) until
 * interrupted, printing the endpoints and what to export to reach them.
 */
@Command(name = "local-stack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run the AWS deployment on this machine behind local endpoints.",
        description = {
            "Run the AWS deployment on this machine: DynamoDB (DynamoDB Local), S3 (s3proxy), Step "
                    + "Functions and EventBridge Scheduler endpoints, with every function of template.yaml "
                    + "in-process. Upload a sequence under s3://" + LocalCloud.SEQUENCES_BUCKET + "/" + LocalCloud.SEQUENCES_PREFIX
                    + " and it is "
                    + "deployed; its schedule starts runs; 'history' reads them. Stops on Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by an interrupt",
            "2:usage error",
            "70:internal error (a bug in crawl-sequence)",
        })
final class LocalStackCommand implements Callable<Integer> {

    static final Set<String> SERVICES = Set.of("dynamodb", "s3", "stepfunctions", "scheduler");

    /** How the command waits once the stack is up; tests replace it to use the stack and return. */
    interface Await {
        void untilInterrupted(LocalCloud cloud) throws InterruptedException;
    }

    static Await await = cloud -> new CountDownLatch(1).await();

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep tables, buckets, state machines and schedules under DIR across restarts"
                    + " (default: in memory, gone when stopped).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "SERVICE=PORT",
            description = "Fixed port of a service (dynamodb, s3, stepfunctions, scheduler); free ports otherwise.")
    Map<String, Integer> ports = new LinkedHashMap<>();

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]",
            description = "A private or loopback host the crawl commands may fetch from (e.g. a local test site).")
    List<String> allowHosts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String service : ports.keySet()) {
            if (!SERVICES.contains(service)) {
                throw new ParameterException(spec.commandLine(), "unknown service '" + service + "' in --port (one of "
                        + String.join(", ", SERVICES.stream().sorted().toList()) + ")");
            }
        }
        AllowList.Parsed allowed = AllowList.parse(allowHosts);
        if (!allowed.ok()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", allowed.errors()));
        }
        CrawlerConfig crawler = CrawlerConfig.defaults().allowList(allowed.allowList());
        LocalCloud.Options options = new LocalCloud.Options(Optional.ofNullable(dataDir), ports, true, crawler, true);
        try (LocalCloud cloud = LocalCloud.start(options)) {
            print(cloud, out);
            out.flush();
            await.untilInterrupted(cloud);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private void print(LocalCloud cloud, PrintWriter out) {
        out.println("crawl-sequence local stack" + (dataDir == null ? " (in memory)" : " (data in " + dataDir + ")"));
        cloud.endpoints().forEach((name, url) -> out.printf("  %-14s %s%n", name, url));
        out.println();
        out.println("# export these to reach it (AWS CLI, SDKs, crawl-sequence history --endpoint-url, sam local):");
        cloud.environment().forEach((name, value) -> out.println("export " + name + "=" + value));
        out.println();
        out.println("# deploy a sequence, then watch it run:");
        out.println("aws s3 cp sequences/news-site-survey.yaml s3://" + LocalCloud.SEQUENCES_BUCKET + "/"
                + LocalCloud.SEQUENCES_PREFIX);
        out.println("aws s3 ls s3://" + LocalCloud.SEQUENCES_BUCKET + "/" + LocalCloud.SEQUENCES_PREFIX
                + "   # a <file>.diagnostics.json appears next to an invalid upload");
        out.println("aws stepfunctions list-state-machines");
        out.println("curl -X POST " + cloud.scheduler().endpoint() + "/_local/schedules/" + LocalCloud.PROJECT + "/"
                + LocalCloud.NAME_PREFIX + "guardian-survey/fire   # fire a schedule now");
    }
}
