package io.crawlseq.crawler.hubs;

import java.util.Optional;

/**
 * One piece of evidence for or against a candidate being a hub of its kind. Signals are small,
 * named and independent; {@link HubScoring} adds up what they return.
 */
public interface HubSignal {

    /** The name reported in {@link Evidence#signal()}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Whether the signal concerns candidates of this kind. */
    boolean appliesTo(HubKind kind);

    /** The evidence, or empty when the signal has nothing to say about this candidate. */
    Optional<Evidence> evaluate(CandidateFacts candidate);
}
