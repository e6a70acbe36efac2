package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionListener;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Appends events with consecutive ids and tells the listeners. Thread-safe. */
final class HistoryRecorder {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final String executionArn;
    private final Clock clock;
    private final List<ExecutionListener> listeners;
    private final int limit;
    private boolean closed;

    HistoryRecorder(String executionArn, Clock clock, List<ExecutionListener> listeners, int limit) {
        this.executionArn = executionArn;
        this.clock = clock;
        this.listeners = listeners;
        this.limit = limit;
    }

    /**
     * Records an event. Past the limit only execution-ending events are accepted; anything else fails
     * the execution, as Step Functions does at 25,000 events.
     */
    HistoryEvent record(HistoryEventType type, long previousEventId, ObjectNode details) {
        HistoryEvent event;
        synchronized (events) {
            if (closed) {
                // The execution already ended (stopped or timed out); late work leaves no trace.
                return new HistoryEvent(events.size() + 1L, previousEventId, clock.instant(), type, details);
            }
            if (limit > 0 && events.size() >= limit && !type.name().startsWith("Execution")) {
                throw StatesError.runtime("The execution reached the maximum number of history events (" + limit + ").");
            }
            event = new HistoryEvent(events.size() + 1L, previousEventId, clock.instant(), type, details);
            events.add(event);
        }
        for (ExecutionListener listener : listeners) {
            try {
                listener.onEvent(executionArn, event);
            } catch (RuntimeException ignored) {
                // A broken progress display must not change the execution.
            }
        }
        return event;
    }

    /** After the final event: later records are ignored. */
    void close() {
        synchronized (events) {
            closed = true;
        }
    }

    long lastEventId() {
        synchronized (events) {
            return events.size();
        }
    }

    List<HistoryEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
