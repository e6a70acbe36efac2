package io.crawlseq.store;

import java.util.Locale;

/**
 * Status of one invocation of a step. The terminal values match the result envelope's {@code status};
 * {@code PARTIAL} means this invocation ran out of time and left a continuation for the next one.
 */
public enum StepStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    PARTIAL;

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /**
     * The step status for an envelope {@code status} ({@code success}, {@code failed}, {@code skipped},
     * {@code partial}).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static StepStatus fromEnvelope(String envelopeStatus) {
        return switch (envelopeStatus) {
            case "success" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "skipped" -> SKIPPED;
            case "partial" -> PARTIAL;
            default -> throw new IllegalArgumentException("unknown envelope status '" + envelopeStatus
                    + "' (expected success, failed, skipped or partial)");
        };
    }

    public String envelopeName() {
        return this == SUCCEEDED ? "success" : name().toLowerCase(Locale.ROOT);
    }
}
