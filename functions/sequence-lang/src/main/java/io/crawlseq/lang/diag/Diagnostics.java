package io.crawlseq.lang.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects diagnostics from every layer, keeps at most {@link #DEFAULT_CAP} (a broken file should
 * produce a readable report, not a flood), and hands them out in {@link Diagnostic#REPORT_ORDER}.
 * Not thread-safe: one collector per validation.
 */
public final class Diagnostics {

    public static final int DEFAULT_CAP = 100;

    private final int cap;
    private final List<Diagnostic> kept = new ArrayList<>();
    private int dropped;
    private boolean anyError;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
    }

    public void add(Diagnostic diagnostic) {
        anyError |= diagnostic.isError();
        if (kept.size() < cap) {
            kept.add(diagnostic);
        } else {
            dropped++;
        }
    }

    public void add(DiagnosticCode code, String message, String pointer, SourceLocation location) {
        add(Diagnostic.of(code, message, pointer, location));
    }

    public void addAll(Collection<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    /** True when any error was added, including ones dropped by the cap. */
    public boolean hasErrors() {
        return anyError;
    }

    public boolean isFull() {
        return kept.size() >= cap;
    }

    /** How many diagnostics were not kept because the cap was reached. */
    public int dropped() {
        return dropped;
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The kept diagnostics in report order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(kept);
        copy.sort(Diagnostic.REPORT_ORDER);
        return List.copyOf(copy);
    }
}
