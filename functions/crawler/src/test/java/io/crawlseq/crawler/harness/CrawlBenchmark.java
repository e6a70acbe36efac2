package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crawler throughput benchmark for {@code docs/benchmarks.md}: serves a generated site on loopback
 * (politeness off), crawls it with our crawler and with Crawlee's CheerioCrawler at the same
 * concurrency, each in its own process reporting its own CPU time, and prints both. Not a test.
 *
 * <pre>
 * (cd .tools/crawlee-bench &amp;&amp; npm install crawlee@3.18.1)     # once; see docs/benchmarks.md
 * ./mvnw -q -B -ntp -pl functions/crawler -am test-compile exec:java \
 *   -Dexec.mainClass=io.crawlseq.crawler.harness.CrawlBenchmark -Dexec.classpathScope=test \
 *   -Dexec.args="5000 16"
 * </pre>
 */
public final class CrawlBenchmark {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path repo = Path.of(System.getProperty("crawlseq.repo.dir", System.getProperty("maven.multiModuleProjectDirectory", ".")));
        BenchmarkSite site = new BenchmarkSite(pages, 7);
        try (LoopbackServer server = LoopbackServer.start()) {
            site.serve(server);
            String start = server.url("/");
            System.out.printf(Locale.ROOT, "site: %d pages, concurrency %d, %s%n", pages, concurrency, start);
            List<String> results = new ArrayList<>();
            results.add(runJava(start, concurrency, pages));
            server.clearLog();
            results.add(runCrawlee(repo, start, concurrency, pages));
            System.out.println();
            System.out.println("| crawler | pages | wall ms | pages/s | pages/s after the first 1000 | CPU ms | CPU ms/page |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (String json : results) {
                Map<String, String> r = parse(json);
                long n = Long.parseLong(r.get("pages"));
                long ms = Long.parseLong(r.get("ms"));
                long cpu = Long.parseLong(r.get("cpuMs"));
                long t1000 = Long.parseLong(r.get("t1000"));
                String steady = t1000 < 0 || n <= 1000 ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", (n - 1000) * 1000.0 / Math.max(1, ms - t1000));
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %s | %d | %.2f |%n", r.get("crawler"), n, ms,
                        n * 1000.0 / Math.max(1, ms), steady, cpu, (double) cpu / Math.max(1, n));
            }
        }
    }

    private static String runJava(String start, int concurrency, int pages) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-cp", classPath(),
                CrawlBenchmarkWorker.class.getName(), start, String.valueOf(concurrency), String.valueOf(pages));
        return run(new ProcessBuilder(command));
    }

    /** The class path this class was loaded from (exec:java loads it with its own class loader). */
    private static String classPath() {
        if (CrawlBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String runCrawlee(Path repo, String start, int concurrency, int pages)
            throws IOException, InterruptedException {
        Path modules = repo.resolve(".tools/crawlee-bench/node_modules");
        if (!Files.isDirectory(modules.resolve("crawlee"))) {
            throw new IllegalStateException("crawlee is not installed: run (cd .tools/crawlee-bench && npm install crawlee@3.18.1)");
        }
        Path localNode = repo.resolve(".tools/node/bin/node");
        String node = Files.isExecutable(localNode) ? localNode.toString() : "node";
        Path script = repo.resolve("functions/crawler/src/test/bench/crawlee-bench.js");
        ProcessBuilder pb = new ProcessBuilder(node, script.toString(), start, String.valueOf(concurrency), String.valueOf(pages));
        pb.environment().put("NODE_PATH", modules.toString());
        pb.environment().put("CRAWLEE_STORAGE_DIR", Files.createTempDirectory("crawlee-bench").toString());
        return run(pb);
    }

    private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = p.waitFor();
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || last == null) {
            throw new IllegalStateException("benchmark process failed (" + exit + "):\n" + output);
        }
        return last;
    }

    private static Map<String, String> parse(String json) {
        Matcher m = Pattern.compile("\"(\\w+)\":\"?([^,\"}]+)").matcher(json);
        Map<String, String> values = new java.util.HashMap<>();
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }
}
