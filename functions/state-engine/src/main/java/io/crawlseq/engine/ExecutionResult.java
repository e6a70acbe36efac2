package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;

import java.time.Instant;
import java.util.List;

/**
 * An execution as DescribeExecution plus GetExecutionHistory would show it. Final once {@code status}
 * is terminal; a snapshot taken while running has status RUNNING and no stop date.
 *
 * @param output the final output when SUCCEEDED, else null
 * @param error  the error name when FAILED, TIMED_OUT or ABORTED (may be null), else null
 * @param cause  the cause text, possibly null
 */
public record ExecutionResult(String executionArn, String name, String stateMachineArn, ExecutionStatus status,
                              JsonNode input, JsonNode output, String error, String cause, Instant startDate,
                              Instant stopDate, List<HistoryEvent> history) {

    public ExecutionResult {
        history = List.copyOf(history);
    }

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    /** The history events of one type, in order. */
    public List<HistoryEvent> events(HistoryEventType type) {
        return history.stream().filter(event -> event.type() == type).toList();
    }

    /** The event types in order, handy for asserting the shape of a run. */
    public List<HistoryEventType> eventTypes() {
        return history.stream().map(HistoryEvent::type).toList();
    }
}
