package io.crawlseq.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to deploy one upload of a sequence, from {@link SequenceRegistry#claim} until {@code until}.
 * Required to {@link SequenceRegistry#complete} or {@link SequenceRegistry#release} it.
 */
public record DeploymentLease(String sequenceName, S3Sequencer sequencer, String owner, Instant until) {

    public DeploymentLease {
        Objects.requireNonNull(sequenceName, "sequenceName");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
    }
}
