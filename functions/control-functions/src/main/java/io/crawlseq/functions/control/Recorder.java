package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Json;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.WriteOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps run records in step with executions, from Step Functions' "Execution Status Change" events
 * (EventBridge, one rule for the project's state machines). RUNNING creates the run record when no
 * one else did (an execution started from the console, or by the example machine's own schedule);
 * SUCCEEDED, FAILED, TIMED_OUT and ABORTED finish it, with a summary counted from its steps. Events
 * may come twice or late: a finished run is final, so a repeated or stale event changes nothing.
 */
final class Recorder {

    static final String DETAIL_TYPE = "Step Functions Execution Status Change";

    /** What an event did. */
    enum Recorded {
        CREATED, FINISHED, UNCHANGED, IGNORED
    }

    private final RunHistory runs;
    private final ProjectNames names;

    Recorder(RunHistory runs, ProjectNames names) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.names = Objects.requireNonNull(names, "names");
    }

    Recorded record(JsonNode event) {
        if (!DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            return Recorded.IGNORED;
        }
        JsonNode detail = event.path("detail");
        String runId = detail.path("name").asText("");
        String executionArn = detail.path("executionArn").asText("");
        Optional<RunStatus> status = status(detail.path("status").asText(""));
        if (runId.isEmpty() || executionArn.isEmpty() || status.isEmpty()) {
            return Recorded.IGNORED;
        }
        Optional<RunRecord> existing = runs.run(runId);
        if (existing.map(r -> r.status().isTerminal()).orElse(false)) {
            return Recorded.UNCHANGED;
        }
        RunRecord run = existing.orElseGet(() -> RunRecord.started(runId, sequenceOf(detail),
                millis(detail.path("startDate")).orElseGet(Instant::now), input(detail)));
        if (run.executionArn().isEmpty()) {
            run = run.withExecutionArn(executionArn);
        }
        if (!status.get().isTerminal()) {
            return existing.isPresent() && existing.get().executionArn().isPresent() ? Recorded.UNCHANGED
                    : written(runs.putRun(run), Recorded.CREATED);
        }
        Optional<ErrorInfo> error = detail.path("error").isTextual()
                ? Optional.of(ErrorInfo.of(detail.path("error").textValue(), detail.path("cause").asText("")))
                : Optional.empty();
        Instant stopped = millis(detail.path("stopDate")).orElseGet(Instant::now);
        RunRecord finished = run.finished(status.get(), stopped.isBefore(run.startedAt()) ? run.startedAt() : stopped,
                summary(runId), error);
        return written(runs.putRun(finished), Recorded.FINISHED);
    }

    /** Counts of the run's step invocations by status, and the pages and bytes they fetched. */
    Map<String, Long> summary(String runId) {
        Map<String, Long> counts = new TreeMap<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<StepRecord> page = runs.steps(runId, request);
            for (StepRecord step : page.items()) {
                counts.merge("stepInvocations", 1L, Long::sum);
                counts.merge("steps" + capitalised(step.status().name()), 1L, Long::sum);
                step.result().map(Json::node).ifPresent(result -> {
                    counts.merge("pagesFetched", result.path("pagesFetched").asLong(0), Long::sum);
                    counts.merge("bytesFetched", result.path("bytesFetched").asLong(0), Long::sum);
                });
            }
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return counts;
            }
            request = next.get();
        }
    }

    private String sequenceOf(JsonNode detail) {
        String machineArn = detail.path("stateMachineArn").asText("");
        String machineName = machineArn.substring(machineArn.lastIndexOf(':') + 1);
        return names.sequenceOf(machineName).orElse(machineName.isEmpty() ? "unknown" : machineName);
    }

    private static Json input(JsonNode detail) {
        JsonNode input = detail.path("input");
        if (input.isTextual()) {
            try {
                return Json.of(LambdaJson.parse(input.textValue()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Json.emptyObject();
            }
        }
        return Json.emptyObject();
    }

    private static Optional<Instant> millis(JsonNode value) {
        return value.isNumber() ? Optional.of(Instant.ofEpochMilli(value.asLong())) : Optional.empty();
    }

    private static Optional<RunStatus> status(String value) {
        return switch (value) {
            case "RUNNING" -> Optional.of(RunStatus.RUNNING);
            case "SUCCEEDED" -> Optional.of(RunStatus.SUCCEEDED);
            case "FAILED" -> Optional.of(RunStatus.FAILED);
            case "TIMED_OUT" -> Optional.of(RunStatus.TIMED_OUT);
            case "ABORTED" -> Optional.of(RunStatus.ABORTED);
            default -> Optional.empty(); // PENDING_REDRIVE and future statuses: the next event will tell
        };
    }

    private static Recorded written(WriteOutcome outcome, Recorded ifWritten) {
        return outcome == WriteOutcome.WRITTEN ? ifWritten : Recorded.UNCHANGED;
    }

    private static String capitalised(String status) {
        return status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
