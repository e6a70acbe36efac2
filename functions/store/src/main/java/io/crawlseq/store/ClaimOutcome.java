package io.crawlseq.store;

import java.time.Instant;
import java.util.Optional;

/** What {@link SequenceRegistry#claim} decided. Only {@link Claimed} allows deploying. */
public sealed interface ClaimOutcome {

    /**
     * Deploy now, then {@link SequenceRegistry#complete}. {@code current} is the state before this upload
     * (compare its content hash to skip an unchanged definition, its schedule to remove a dropped one).
     */
    record Claimed(DeploymentLease lease, Optional<SequenceState> current) implements ClaimOutcome {
    }

    /** This very upload was already processed (a duplicate event). Do nothing. */
    record Duplicate(SequenceState current) implements ClaimOutcome {
    }

    /** A newer upload was already processed; this older event must not deploy. Do nothing. */
    record Superseded(SequenceState current) implements ClaimOutcome {
    }

    /**
     * Another deployer holds this sequence (for the upload {@code heldFor}) until {@code until}. Fail
     * transiently so the event is retried; by then it is either claimable, a duplicate or superseded.
     */
    record Busy(S3Sequencer heldFor, Instant until) implements ClaimOutcome {
    }
}
