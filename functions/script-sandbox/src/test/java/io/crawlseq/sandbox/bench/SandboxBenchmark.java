package io.crawlseq.sandbox.bench;

import io.crawlseq.sandbox.RunnerConfig;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptRunner;
import io.crawlseq.sandbox.WorkerJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures the script sandbox (see docs/benchmarks.md, "Script sandbox"). Not a test: run it with
 * a jar-only classpath so the CDS variant can work:
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/script-sandbox package -DskipTests
 * ./mvnw -q -B -ntp -pl functions/script-sandbox dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp functions/script-sandbox/target/test-classes:functions/script-sandbox/target/script-sandbox-0.1.0-SNAPSHOT.jar:$(cat functions/script-sandbox/target/cp.txt) \
 *     io.crawlseq.sandbox.bench.SandboxBenchmark [rounds]
 * </pre>
 */
public final class SandboxBenchmark {

    private static final String TRIVIAL = "function scrapeData(url) { return [{title: 'headline', url: url}]; }";
    private static final String SOURCE = "https://news.example/world";

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        WorkerJvm plain = jarOnly(WorkerJvm.detect());
        Path cacheDir = Files.createTempDirectory("crawlseq-cds");
        WorkerJvm cds = plain.withCdsArchive(cacheDir.resolve("script-worker.jsa"));
        System.out.printf(Locale.ROOT, "java %s, %d cores, classpath %d jars, CDS usable: %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), plain.classpath().size(), cds.usesCds());

        report("cold, no CDS: time to first result", cold(plain, rounds));
        createArchive(cds);
        report("cold, AppCDS archive: time to first result", cold(cds, rounds));
        report("prestarted worker already ready: time to result", prestartedReady(cds, rounds));
        throughput("warm runner, one JVM per run (default)", cds, 1, rounds * 4);
        throughput("warm runner, JVM reused for up to 50 runs", cds, 50, rounds * 20);
        report("runaway script (limit 1000 ms): stopped this long after its limit", runawayOverrun(cds, rounds));
        report("runaway script: whole run (limit 1000 ms)", runawayTotal(cds, rounds));
    }

    private static List<Long> cold(WorkerJvm jvm, int rounds) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm))) {
                long started = System.nanoTime();
                ScriptResult result = runner.run(ScriptRequest.of("trivial.js", TRIVIAL, List.of(SOURCE)));
                millis.add((System.nanoTime() - started) / 1_000_000);
                check(result);
            }
        }
        return millis;
    }

    private static void createArchive(WorkerJvm jvm) throws Exception {
        try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm))) {
            check(runner.run(ScriptRequest.of("trivial.js", TRIVIAL, List.of(SOURCE))));
        }
        Path archive = jvm.cdsArchive().orElseThrow();
        for (int i = 0; i < 100 && !Files.exists(archive); i++) {
            Thread.sleep(200); // the worker writes the archive as it exits, after the run returned
        }
        Thread.sleep(2_000);
        System.out.printf(Locale.ROOT, "CDS archive %s: %s%n", archive,
                Files.exists(archive) ? Files.size(archive) / 1024 / 1024 + " MiB" : "not created");
    }

    private static List<Long> prestartedReady(WorkerJvm jvm, int rounds) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm).prestart(true))) {
            for (int i = 0; i < rounds; i++) {
                Thread.sleep(4_000); // give the prestarted worker time to boot, as between Lambda invocations
                long started = System.nanoTime();
                check(runner.run(ScriptRequest.of("trivial.js", TRIVIAL, List.of(SOURCE))));
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return millis;
    }

    private static void throughput(String label, WorkerJvm jvm, int runsPerWorker, int runs) {
        try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm).prestart(true)
                .runsPerWorker(runsPerWorker))) {
            check(runner.run(ScriptRequest.of("warm-up.js", TRIVIAL, List.of(SOURCE))));
            long started = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                check(runner.run(ScriptRequest.of("trivial.js", TRIVIAL, List.of(SOURCE))));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%-62s %6.2f scripts/s (%d runs in %.1f s)%n", label, runs / seconds, runs, seconds);
        }
    }

    private static List<Long> runawayOverrun(WorkerJvm jvm, int rounds) {
        return runaway(jvm, rounds).stream().map(r -> ((ScriptError.Timeout) r.errors().get(0)).elapsedMs() - 1_000).toList();
    }

    private static List<Long> runawayTotal(WorkerJvm jvm, int rounds) {
        return runaway(jvm, rounds).stream().map(r -> r.metadata().executionTimeMs()).toList();
    }

    private static List<ScriptResult> runaway(WorkerJvm jvm, int rounds) {
        List<ScriptResult> results = new ArrayList<>();
        try (ScriptRunner runner = new ScriptRunner(RunnerConfig.defaults().jvm(jvm).prestart(true))) {
            for (int i = 0; i < rounds; i++) {
                ScriptResult result = runner.run(ScriptRequest.of("runaway.js", "function scrapeData(url) { for (;;) {} }",
                        List.of(SOURCE)).withLimits(ScriptLimits.DEFAULTS.withTimeoutMs(1_000).withStatementLimit(10_000_000_000L)));
                if (!(result.errors().get(0) instanceof ScriptError.Timeout)) {
                    throw new IllegalStateException("expected a timeout: " + result.errors());
                }
                results.add(result);
            }
        }
        return results;
    }

    private static void report(String label, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-62s median %5d ms  min %5d  max %5d  (n=%d) %s%n", label,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length, Arrays.toString(sorted));
    }

    private static void check(ScriptResult result) {
        if (!result.success() || result.data().size() != 1) {
            throw new IllegalStateException("unexpected result: " + result);
        }
    }

    /** The detected classpath without directories (CDS needs jars only); test classes are not needed by workers. */
    private static WorkerJvm jarOnly(WorkerJvm jvm) {
        List<String> jars = jvm.classpath().stream().filter(e -> e.endsWith(".jar") && new File(e).isFile())
                .filter(e -> !e.contains("junit") && !e.contains("assertj") && !e.contains("opentest4j")
                        && !e.contains("byte-buddy") && !e.contains("apiguardian")).toList();
        return new WorkerJvm(jvm.java(), jars, Optional.empty(), jvm.extraOptions());
    }
}
