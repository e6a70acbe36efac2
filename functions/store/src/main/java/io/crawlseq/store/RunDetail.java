package io.crawlseq.store;

import java.util.List;
import java.util.Objects;

/** A run with all its step invocations in execution order (by start time). */
public record RunDetail(RunRecord run, List<StepRecord> steps) {

    public RunDetail {
        Objects.requireNonNull(run, "run");
        steps = List.copyOf(steps);
    }
}
