package io.crawlseq.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sequences registry the deployer keeps (issue 6). S3 may deliver an upload's event twice or after a
 * newer one; deployments of one sequence are therefore serialised by a lease and ordered by the S3
 * sequencer, so an older upload never replaces a newer one and no upload is deployed twice.
 *
 * <pre>{@code
 * switch (registry.claim(name, source, "deployer-" + requestId, Duration.ofMinutes(2))) {
 *     case ClaimOutcome.Claimed c -> {
 *         try {
 *             String arn = stepFunctions.createOrUpdate(...);
 *             registry.complete(c.lease(), DeploymentRecord.deployed(name, source, arn, schedule, 0, now));
 *         } catch (RuntimeException e) {
 *             registry.release(c.lease());   // let the retried event claim again at once
 *             throw e;
 *         }
 *     }
 *     case ClaimOutcome.Busy b -> throw new RetryLater();   // Lambda retries the event
 *     case ClaimOutcome.Duplicate d -> {}                   // already done
 *     case ClaimOutcome.Superseded s -> {}                  // a newer upload won
 * }
 * }</pre>
 */
public interface SequenceRegistry {

    /**
     * Claims the right to process {@code source} as the next version of {@code sequenceName}, for
     * {@code lease}. Conditions, evaluated atomically: no upload with the same or a later sequencer has
     * completed, and no other claim's lease is live.
     */
    ClaimOutcome claim(String sequenceName, SequenceSource source, String owner, Duration lease);

    /**
     * Records the result of a claimed upload: it becomes {@code latest}, and {@code deployed} too when
     * DEPLOYED; the upload is added to the sequence's history; the lease ends.
     *
     * @throws LostLeaseException when the lease expired and another deployer claimed meanwhile
     */
    SequenceState complete(DeploymentLease lease, DeploymentRecord record);

    /** Ends the lease without recording anything, so the same or another upload can be claimed at once. */
    void release(DeploymentLease lease);

    Optional<SequenceState> state(String sequenceName);

    /** Every sequence with at least one processed upload, by name. */
    List<SequenceState> list();

    /** Processed uploads of one sequence, newest first. */
    Page<DeploymentRecord> history(String sequenceName, PageRequest page);

    /** The lease ended before {@link #complete} and another deployer may have claimed. */
    final class LostLeaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LostLeaseException(String sequenceName, S3Sequencer sequencer) {
            super("deployment lease of " + sequenceName + " (sequencer " + sequencer.value() + ") is no longer held");
        }
    }
}
