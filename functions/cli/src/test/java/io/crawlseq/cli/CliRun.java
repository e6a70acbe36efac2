package io.crawlseq.cli;

import io.crawlseq.cli.local.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI with captured streams. */
record CliRun(int exitCode, String out, String err) {

    /** In the test environment: no CRAWLSEQ_* variables, a temporary home, the shared test store. */
    static CliRun of(String... args) {
        return in(TestStores.environment(), args);
    }

    static CliRun in(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrawlSequence.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
