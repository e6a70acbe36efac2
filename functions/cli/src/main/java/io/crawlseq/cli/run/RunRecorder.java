package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Keeps the history of local runs: told when a run starts and when it ends. */
public interface RunRecorder {

    void started(String runId, String sequenceName, Instant at, JsonNode input);

    void finished(RunReport report);

    /** Records nothing (runs that keep no history, tests of the engine wiring). */
    RunRecorder NONE = new RunRecorder() {
        @Override
        public void started(String runId, String sequenceName, Instant at, JsonNode input) {
        }

        @Override
        public void finished(RunReport report) {
        }
    };
}
