package io.crawlseq.cli.bench;

import io.crawlseq.cli.CrawlSequence;
import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times {@code crawl-sequence command ensureCountryHubs} against the guardian-like fixture site
 * served on loopback, in real time (system clocks, the CLI's own embedded store in a temporary data
 * directory), in two settings: the site as served (robots.txt Crawl-delay: 2) with default
 * politeness, and the crawler's own speed (Crawl-delay removed, {@code politeness.delayMs=0}).
 * Prints requests, wall time and the command's own elapsed time. Reported in docs/benchmarks.md.
 *
 * <pre>
 * java -cp functions/cli/target/test-classes:functions/cli/target/classes:$(cat functions/cli/target/test-cp.txt) \
 *   io.crawlseq.cli.bench.CommandTiming [polite|fast|both]
 * </pre>
 */
public final class CommandTiming {

    private CommandTiming() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        if (!which.equals("fast")) {
            time("as served (Crawl-delay 2 s, default politeness)", false);
        }
        if (!which.equals("polite")) {
            time("crawler speed (no Crawl-delay, politeness.delayMs=0)", true);
        }
        System.exit(0);
    }

    private static void time(String label, boolean fast) throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        Path data = Files.createTempDirectory("crawlseq-timing");
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            if (fast) {
                StringBuilder robots = new StringBuilder("User-agent: *\n");
                site.disallowedPrefixes().forEach(p -> robots.append("Disallow: ").append(p).append('\n'));
                robots.append("\nSitemap: ").append(server.baseUrl()).append("/sitemaps/index.xml\n");
                server.route("/robots.txt", Responses.text(robots.toString()));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = fast
                    ? CrawlSequence.run(CliEnvironment.system(), new PrintWriter(out), new PrintWriter(err), "command",
                    "ensureCountryHubs", "--start-url", server.url("/"), "--allow-host", server.hostPort(),
                    "--data-dir", data.toString(), "--arg", "politeness.delayMs=0", "--arg", "concurrency=4")
                    : CrawlSequence.run(CliEnvironment.system(), new PrintWriter(out), new PrintWriter(err), "command",
                    "ensureCountryHubs", "--start-url", server.url("/"), "--allow-host", server.hostPort(),
                    "--data-dir", data.toString());
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            String first = out.toString().lines().findFirst().orElse(err.toString());
            String counters = out.toString().lines().skip(1).findFirst().orElse("");
            System.out.printf("%s: exit %d, %d HTTP requests, wall %.1f s (store start included)%n  %s%n  %s%n", label,
                    code, server.requests().size(), wallMs / 1000.0, first, counters.strip());
        }
    }
}
