package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.plan.RunContexts;
import io.crawlseq.store.DeploymentRecord;
import io.crawlseq.store.Json;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.SequenceRegistry;
import io.crawlseq.store.SequenceSource;
import io.crawlseq.store.SequenceState;
import io.crawlseq.store.blob.BlobKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts a run of a deployed sequence: reads the deployed version of the sequence (the exact S3
 * version the registry recorded) for its default context, merges the request's context on top
 * ({@link RunContexts}: the same rule as {@code crawl-sequence run}), writes the run record, starts
 * the execution named by the run id and records the execution ARN. The record is written before
 * the execution starts, so the first step never lands in history without its run.
 */
final class Starter {

    private final SequenceRegistry registry;
    private final RunHistory runs;
    private final SequenceObjects objects;
    private final SfnClient sfn;
    private final Clock clock;

    Starter(SequenceRegistry registry, RunHistory runs, SequenceObjects objects, SfnClient sfn, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    StartResult start(JsonNode event) {
        return switch (StartRequest.parse(event)) {
            case StartEvent.Refused r -> new StartResult.Rejected(event.path("sequence").asText(null), r.reason());
            case StartRequest request -> start(request);
        };
    }

    private StartResult start(StartRequest request) {
        String name = request.sequence();
        Optional<SequenceState> state = registry.state(name);
        if (state.isEmpty() || state.get().deployed().isEmpty()) {
            return new StartResult.Rejected(name, state.isEmpty()
                    ? "no sequence named '" + name + "' has been uploaded"
                    : "'" + name + "' has no valid version deployed (see " + state.get().latest().diagnosticsReportKey()
                            .orElse("its diagnostics report") + ")");
        }
        DeploymentRecord deployed = state.get().deployed().get();
        Optional<Sequence> sequence = loadDeployed(deployed.source());
        if (sequence.isEmpty()) {
            return new StartResult.Rejected(name, "the deployed version of '" + name + "' (s3://"
                    + deployed.source().bucket() + "/" + deployed.source().key()
                    + ") can no longer be read; upload it again");
        }
        ObjectNode context = RunContexts.merge(sequence.get(), request.context(), request.startUrl().orElse(null));
        if (!context.path("startUrl").isTextual()) {
            return new StartResult.Rejected(name, "no startUrl: give one in the sequence, its context or the request");
        }
        Instant now = clock.instant();
        String runId = request.runIdAt(now);
        ObjectNode input = LambdaJson.object();
        input.set("context", context);
        String stateMachineArn = deployed.stateMachineArn().orElseThrow();
        RunRecord run = RunRecord.started(runId, name, now, Json.of(input));
        runs.putRun(run);
        String inputText = LambdaJson.text(input);
        try {
            String executionArn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(runId)
                    .input(inputText)).executionArn();
            runs.putRun(run.withExecutionArn(executionArn));
            return new StartResult.Started(runId, name, executionArn, stateMachineArn, input, false);
        } catch (ExecutionAlreadyExistsException e) {
            return alreadyStarted(runId, name, stateMachineArn, input);
        }
    }

    /** A repeated delivery of the same start (same run id): the execution is there already. */
    private StartResult alreadyStarted(String runId, String name, String stateMachineArn, ObjectNode input) {
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + runId;
        DescribeExecutionResponse existing = sfn.describeExecution(b -> b.executionArn(executionArn));
        JsonNode existingInput;
        try {
            existingInput = LambdaJson.parse(existing.input());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            existingInput = null;
        }
        if (!input.equals(existingInput)) {
            return new StartResult.Rejected(name, "the run id " + runId + " is taken by an execution with another input");
        }
        return new StartResult.Started(runId, name, executionArn, stateMachineArn, input, true);
    }

    private Optional<Sequence> loadDeployed(SequenceSource source) {
        return objects.fetch(source.bucket(), source.key(), source.versionId())
                .filter(f -> BlobKeys.sha256Hex(f.bytes()).equals(source.contentSha256()))
                .map(f -> SequenceLoader.load(SequenceUploads.fileName(source.key()), f.bytes()))
                .flatMap(LoadResult::sequence);
    }
}
