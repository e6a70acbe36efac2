package io.crawlseq.sandbox.internal.worker;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * Builds the GraalJS contexts scripts run in. {@link SandboxPolicy#CONSTRAINED} (the strictest the
 * community edition offers) already denies host class lookup, I/O, threads, processes, native
 * access, environment and polyglot access; on top of it the JavaScript globals that reach the host
 * or the terminal are switched off ({@code console}, {@code print}, {@code load}, {@code Graal}),
 * and the prelude removes what no option covers. Heap limits are not available here, hence the
 * child JVM.
 */
final class Sandbox {

    private Sandbox() {
    }

    static Context newContext(long statementLimit) {
        return Context.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .timeZone(ZoneOffset.UTC)
                .option("engine.WarnInterpreterOnly", "false")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, null).build())
                .build();
    }

    /** Closes {@code context}; a context that was cancelled (a limit, a breach) reports that again on close. */
    static void close(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            if (!e.isCancelled() && !e.isResourceExhausted()) {
                throw e;
            }
        }
    }
}
