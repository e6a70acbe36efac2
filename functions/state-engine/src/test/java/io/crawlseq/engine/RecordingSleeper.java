package io.crawlseq.engine;

import io.crawlseq.engine.task.CancellationSignal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that remembers each requested pause and returns at once. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration, CancellationSignal cancellation) {
        pauses.add(duration);
    }

    List<Duration> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }
}
