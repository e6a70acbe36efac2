package io.crawlseq.functions.support;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming. With SnapStart, Lambda initialises a function version once, snapshots the
 * memory and restores the snapshot for each cold start; work done before the snapshot (class
 * loading, static initialisers, the JIT's first tiers) is not paid again. A handler registers a
 * primer, which runs the handler's own code path on a sample input before the snapshot is taken:
 * Jackson mappers, the command registry, the SDK clients (answered in-process by
 * {@link PrimingHttpClient}, so nothing touches the network).
 *
 * <p>The hooks are CRaC's ({@code org.crac}), which Lambda calls around SnapStart snapshots; on a JVM
 * without CRaC (local runs, tests) registering is a no-op and {@link #primeNow} runs a primer
 * directly.
 */
public final class Priming {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private static final ThreadLocal<Boolean> PRIMING = ThreadLocal.withInitial(() -> false);
    /** The primers registered in this JVM, for {@link #simulateCheckpoint}; held weakly like CRaC's. */
    private static final java.util.List<java.lang.ref.WeakReference<Primer>> REGISTERED =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private Priming() {
    }

    /** A unit of priming work; failures are logged, never fatal (priming is an optimisation). */
    @FunctionalInterface
    public interface Primer {
        void prime() throws Exception;
    }

    /**
     * Runs {@code primer} before each SnapStart snapshot. Keep the returned resource reachable (a
     * field of the handler): CRaC's global context holds resources weakly.
     */
    public static Resource onCheckpoint(Primer primer) {
        Objects.requireNonNull(primer, "primer");
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                primeNow(primer);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing to refresh: clients hold no connections made while priming
            }
        };
        Core.getGlobalContext().register(resource);
        REGISTERED.add(new java.lang.ref.WeakReference<>(primer));
        return resource;
    }

    /**
     * Runs every registered primer as a SnapStart checkpoint would, on a JVM where CRaC's global
     * context cannot be triggered (it refuses to be called directly): how the artifact tests and the
     * cold-start harness measure a first invocation after a restore.
     */
    public static java.util.List<Primed> simulateCheckpoint() {
        java.util.List<Primed> all = new java.util.ArrayList<>();
        for (java.lang.ref.WeakReference<Primer> ref : REGISTERED) {
            Primer primer = ref.get();
            if (primer != null) {
                all.add(primeNow(primer));
            }
        }
        return all;
    }

    /**
     * What a priming run did.
     *
     * @param took    how long it ran
     * @param failure why it stopped early, if it did (logged; the function works regardless)
     */
    public record Primed(Duration took, Optional<String> failure) {
    }

    /** Runs {@code primer} now, with SDK calls answered in-process. */
    public static Primed primeNow(Primer primer) {
        long start = System.nanoTime();
        PRIMING.set(true);
        Optional<String> failure = Optional.empty();
        try {
            primer.prime();
        } catch (Exception | LinkageError e) {
            failure = Optional.of(e.toString());
            LOG.warn("priming failed (the function still works, its first invocation is just slower): {}", e.toString());
        } finally {
            PRIMING.set(false);
        }
        return new Primed(Duration.ofNanos(System.nanoTime() - start), failure);
    }

    /** Runs {@code call} with SDK requests answered in-process, e.g. one primed client call. */
    public static <T> T offline(Callable<T> call) throws Exception {
        boolean was = PRIMING.get();
        PRIMING.set(true);
        try {
            return call.call();
        } finally {
            PRIMING.set(was);
        }
    }

    static boolean isPrimingThread() {
        return PRIMING.get();
    }
}
