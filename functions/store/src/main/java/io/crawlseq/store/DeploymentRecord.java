package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One processed upload of a sequence.
 *
 * @param sequenceName         the sequence (and state machine) name
 * @param source               the uploaded object
 * @param status               deployed or invalid
 * @param stateMachineArn      the state machine created or updated (DEPLOYED only)
 * @param schedule             the sequence's EventBridge schedule expression, if it has one (DEPLOYED only)
 * @param diagnosticsCount     problems found (errors and warnings)
 * @param diagnosticsReportKey where the diagnostics report was written, if one was
 * @param processedAt          when the deployer finished
 */
public record DeploymentRecord(String sequenceName, SequenceSource source, DeploymentStatus status,
                               Optional<String> stateMachineArn, Optional<String> schedule, int diagnosticsCount,
                               Optional<String> diagnosticsReportKey, Instant processedAt) {

    public DeploymentRecord {
        Checks.text("sequenceName", sequenceName, 256);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        stateMachineArn.ifPresent(arn -> Checks.text("stateMachineArn", arn, 2048));
        schedule.ifPresent(s -> Checks.text("schedule", s, 256));
        Checks.nonNegative("diagnosticsCount", diagnosticsCount);
        diagnosticsReportKey.ifPresent(k -> Checks.text("diagnosticsReportKey", k, 1024));
        processedAt = Instants.millis(processedAt);
        if ((status == DeploymentStatus.DEPLOYED) != stateMachineArn.isPresent()) {
            throw new IllegalArgumentException("stateMachineArn must be present exactly when the status is DEPLOYED");
        }
    }

    public static DeploymentRecord deployed(String sequenceName, SequenceSource source, String stateMachineArn,
                                            Optional<String> schedule, int warnings, Instant processedAt) {
        return new DeploymentRecord(sequenceName, source, DeploymentStatus.DEPLOYED, Optional.of(stateMachineArn),
                schedule, warnings, Optional.empty(), processedAt);
    }

    public static DeploymentRecord invalid(String sequenceName, SequenceSource source, int diagnosticsCount,
                                           String reportKey, Instant processedAt) {
        return new DeploymentRecord(sequenceName, source, DeploymentStatus.INVALID, Optional.empty(),
                Optional.empty(), diagnosticsCount, Optional.of(reportKey), processedAt);
    }
}
