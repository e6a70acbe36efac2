package io.crawlseq.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.cli.run.RunRecorder;
import io.crawlseq.cli.run.RunReport;
import io.crawlseq.cli.run.StepRecord;
import io.crawlseq.engine.ExecutionStatus;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Json;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records local runs in the run history the Lambdas use: the run item when it starts, the same item
 * finished with its status and summary counters when it ends. Steps are recorded by the command
 * runner as they run (mocked steps, which bypass it, are counted in the summary only).
 */
public final class StoreRunRecorder implements RunRecorder {

    private final RunHistory runs;
    private RunRecord started;

    public StoreRunRecorder(RunHistory runs) {
        this.runs = runs;
    }

    @Override
    public void started(String runId, String sequenceName, Instant at, JsonNode input) {
        started = RunRecord.started(runId, sequenceName, at, Json.of(input));
        runs.putRun(started);
    }

    @Override
    public void finished(RunReport report) {
        RunRecord base = started != null ? started
                : RunRecord.started(report.runId(), report.sequenceName(), report.startedAt(), Json.of(report.input()));
        Optional<ErrorInfo> error = report.error() == null ? Optional.empty()
                : Optional.of(ErrorInfo.of(report.error(), report.cause() == null ? "" : report.cause()));
        runs.putRun(base.finished(status(report.status()), report.startedAt().plus(report.elapsed()), summary(report), error));
    }

    static RunStatus status(ExecutionStatus status) {
        return switch (status) {
            case SUCCEEDED -> RunStatus.SUCCEEDED;
            case TIMED_OUT -> RunStatus.TIMED_OUT;
            case ABORTED -> RunStatus.ABORTED;
            default -> RunStatus.FAILED;
        };
    }

    /**
     * Run counters: invocations (retries and continuations each count), failed ones, and pages and
     * bytes. A long crawl's envelopes count over its invocations so far, so only the invocation that
     * ended it (not partial) is added up.
     */
    public static Map<String, Long> summary(RunReport report) {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("invocations", (long) report.steps().size());
        long failed = 0;
        long pages = 0;
        long bytes = 0;
        long mocked = 0;
        for (StepRecord step : report.steps()) {
            if (step.mocked()) {
                mocked++;
            }
            if (step.status().equals("failed")) {
                failed++;
            }
            if (step.status().equals("partial") || step.result() == null) {
                continue;
            }
            pages += step.result().path("pagesFetched").asLong(0);
            bytes += step.result().path("bytesFetched").asLong(0);
        }
        s.put("invocationsFailed", failed);
        s.put("pagesFetched", pages);
        s.put("bytesFetched", bytes);
        if (mocked > 0) {
            s.put("invocationsMocked", mocked);
        }
        return s;
    }
}
