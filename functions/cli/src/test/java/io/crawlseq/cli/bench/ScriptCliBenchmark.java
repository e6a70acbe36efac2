package io.crawlseq.cli.bench;

import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * End-to-end time of {@code ./crawl-sequence script} (a new JVM per run, as a user types it) scraping a
 * fixture news section served on loopback with the example script {@code sequences/scripts/latest-headlines.js}
 * (robots.txt, the section page, five stories). Reported in docs/benchmarks.md, never asserted.
 *
 * <p>Usage (repository root, CLI built): {@code java -cp <cli test classpath> io.crawlseq.cli.bench.ScriptCliBenchmark [runs]}.
 * Modes: the worker's CDS archive off (its cache directory unusable), on (archive created by a first,
 * unmeasured run), and on with the default politeness delay (1 s between requests to the host).
 */
public final class ScriptCliBenchmark {

    private ScriptCliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path repo = Path.of(System.getProperty("crawlseq.repo.dir", ".")).toAbsolutePath().normalize();
        Path launcher = repo.resolve("crawl-sequence");
        try (LoopbackServer site = LoopbackServer.start()) {
            FixtureSites.guardianLike().serve(site);
            site.route("/robots.txt", Responses.text("User-agent: *\nDisallow: /private/\n"));
            List<String> command = List.of(launcher.toString(), "script", "sequences/scripts/latest-headlines.js",
                    "--source", site.url("/world"), "--allow-host", site.hostPort());
            Path cache = Files.createTempDirectory("script-cds");
            Map<String, String> noCds = Map.of("XDG_CACHE_HOME", "/proc/crawlseq-no-cache");
            Map<String, String> withCds = Map.of("XDG_CACHE_HOME", cache.toString());

            Run sample = run(repo, command, noCds, "--delay-ms", "0");
            System.out.println(sample.output());
            System.out.printf("Java %s, %d cores, %d runs per mode%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), runs);
            report("worker CDS off, --delay-ms 0", measure(runs, repo, command, noCds, "--delay-ms", "0"));
            run(repo, command, withCds, "--delay-ms", "0");
            awaitArchive(cache.resolve("crawl-sequences"));
            report("worker CDS on (archive exists), --delay-ms 0", measure(runs, repo, command, withCds, "--delay-ms", "0"));
            report("worker CDS on, default politeness (1 s per request to the host)",
                    measure(Math.min(runs, 3), repo, command, withCds));
        }
    }

    /**
     * The first worker writes the archive as it exits, after the CLI has returned: wait for the file
     * to appear and stop growing, so the measured runs use it and do not compete with its writing.
     */
    private static void awaitArchive(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long lastSize = -1;
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                long size = files.filter(f -> f.toString().endsWith(".jsa")).mapToLong(f -> f.toFile().length()).sum();
                if (size > 0 && size == lastSize) {
                    System.out.printf("worker CDS archive: %.1f MiB%n", size / 1048576.0);
                    return;
                }
                lastSize = size;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no CDS archive appeared in " + dir);
    }

    private record Run(long millis, int exitCode, String output) {
    }

    private static List<Long> measure(int runs, Path repo, List<String> command, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = run(repo, command, env, extra);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("exit " + r.exitCode() + ":\n" + r.output());
            }
            times.add(r.millis());
        }
        return times;
    }

    private static Run run(Path repo, List<String> command, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(full).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Run((System.nanoTime() - start) / 1_000_000, exit, output);
    }

    private static void report(String mode, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        System.out.printf("%-62s median %5d ms  (min %d, max %d, n=%d)%n", mode, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
