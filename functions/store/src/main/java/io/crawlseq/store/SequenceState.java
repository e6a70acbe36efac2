package io.crawlseq.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a sequence stands.
 *
 * @param sequenceName the sequence
 * @param deployed     the version currently deployed (the newest valid upload), if any
 * @param latest       the newest processed upload, valid or not (an invalid upload leaves {@code deployed}
 *                     running)
 */
public record SequenceState(String sequenceName, Optional<DeploymentRecord> deployed, DeploymentRecord latest) {

    public SequenceState {
        Objects.requireNonNull(sequenceName, "sequenceName");
        Objects.requireNonNull(deployed, "deployed");
        Objects.requireNonNull(latest, "latest");
    }

    /** True when the newest upload was rejected while an older version keeps running. */
    public boolean latestIsInvalid() {
        return latest.status() == DeploymentStatus.INVALID;
    }
}
