package io.crawlseq.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.crawlseq.engine.TestSupport.json;
import static io.crawlseq.engine.TestSupport.machine;
import static io.crawlseq.engine.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;

class WaitStateTest {

    private static final String ALL_FORMS = """
            {"StartAt": "S", "States": {
              "S": {"Type": "Wait", "Seconds": 10, "Next": "SP"},
              "SP": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "T"},
              "T": {"Type": "Wait", "Timestamp": "2026-01-02T03:05:05.678Z", "Next": "TP"},
              "TP": {"Type": "Wait", "TimestampPath": "$.until", "Next": "Past"},
              "Past": {"Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "OutputPath": "$.keep", "End": true}}}
            """;

    @Test
    void waits_pauseForTheScaledDurationMeasuredAgainstTheClock() {
        RecordingSleeper sleeper = new RecordingSleeper();
        ExecutionResult result = TestSupport.engine(script("{}")).delayScale(0.5).sleeper(sleeper).build()
                .start(machine(ALL_FORMS), json("{\"delay\": 4, \"until\": \"2026-01-02T04:04:05.678+01:00\", \"keep\": 1}"));
        assertThat(result.output()).isEqualTo(json("1"));
        // Fixed clock at 03:04:05.678Z: the Timestamp is 60 s ahead, the TimestampPath 0 s, the past one never waits.
        assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Test
    void delayScaleZero_neverPauses() {
        RecordingSleeper sleeper = new RecordingSleeper();
        TestSupport.engine(script("{}")).sleeper(sleeper).build()
                .start(machine(ALL_FORMS), json("{\"delay\": 4, \"until\": \"2030-01-01T00:00:00Z\", \"keep\": 1}"));
        assertThat(sleeper.pauses()).isEmpty();
    }

    @Test
    void secondsPathNotANonNegativeInteger_isStatesRuntime() {
        ExecutionResult result = TestSupport.run(ALL_FORMS, "{\"delay\": -1, \"until\": \"2030-01-01T00:00:00Z\"}", "{}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("'SP'").contains("must be an integer of at least 0, not -1");
    }

    @Test
    void timestampPathNotATimestamp_isStatesRuntime() {
        ExecutionResult result = TestSupport.run(ALL_FORMS, "{\"delay\": 1, \"until\": \"tomorrow\"}", "{}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("must be an RFC 3339 timestamp, not \"tomorrow\"");
    }
}
