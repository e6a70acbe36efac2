package io.crawlseq.engine.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.history.HistoryEvent;
import io.crawlseq.engine.history.HistoryEventType;

/**
 * A sequence of related events (the top level, one Parallel branch or one Map iteration), so each event
 * can name the one before it as {@code previousEventId}. Used by one thread at a time.
 */
final class Lane {

    private final HistoryRecorder recorder;
    private long last;

    Lane(HistoryRecorder recorder, long last) {
        this.recorder = recorder;
        this.last = last;
    }

    HistoryEvent record(HistoryEventType type, ObjectNode details) {
        HistoryEvent event = recorder.record(type, last, details);
        last = event.id();
        return event;
    }

    long last() {
        return last;
    }

    Lane fork() {
        return new Lane(recorder, last);
    }

    void join(long eventId) {
        last = Math.max(last, eventId);
    }
}
