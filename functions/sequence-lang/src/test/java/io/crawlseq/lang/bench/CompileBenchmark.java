package io.crawlseq.lang.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.lang.compile.CompileResult;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.registry.CommandRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compile time and ASL size (report, not assertion) for generated sequences of 100, 1,000 and 5,000
 * steps (commands, conditionals and loops mixed as in {@link ValidationBenchmark#bigSequence}).
 * Prints a Markdown table for docs/benchmarks.md. Run with:
 * <pre>
 * ./mvnw -q -B -ntp -pl functions/sequence-lang test-compile exec:java \
 *     -Dexec.mainClass=io.crawlseq.lang.bench.CompileBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class CompileBenchmark {

    private static final int[] SIZES = {100, 1_000, 5_000};

    private CompileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SequenceCompiler compiler = new SequenceCompiler(CommandRegistry.standard());
        System.out.println("| Steps | Compile (median) | ASL size, pretty (statemachine/) | ASL size, compact (deployed; quota 1 MiB) | States | Estimated history events | Layer-3 findings |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int steps : SIZES) {
            byte[] json = new ObjectMapper().writeValueAsBytes(ValidationBenchmark.bigSequence(steps));
            LoadResult load = SequenceLoader.load("bench.json", json);
            Sequence sequence = load.sequence().orElseThrow(() -> new IllegalStateException(load.diagnostics().toString()));
            int runs = steps >= 5_000 ? 15 : 40;
            for (int i = 0; i < 5; i++) {
                compiler.compile(sequence);
            }
            double[] times = new double[runs];
            CompileResult result = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                result = compiler.compile(sequence);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            int bytes = result.json().getBytes(StandardCharsets.UTF_8).length;
            int compact = result.definition().toString().getBytes(StandardCharsets.UTF_8).length;
            String findings = result.issues().isEmpty() ? "none" : String.join(", ",
                    result.issues().stream().map(i -> i.code().id()).distinct().toList());
            System.out.printf("| %,d | %.1f ms | %,d KiB | %,d KiB | %,d | %,d | %s |%n", steps, times[runs / 2], bytes / 1024,
                    compact / 1024, result.stateCount(), result.estimatedHistoryEvents(), findings);
        }
    }
}
