package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.ExecutionListener;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.history.HistoryEventType;
import io.crawlseq.lang.compile.CompileResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a compiled sequence on the local engine: the same state machine AWS would run, with command
 * handlers (or mock results) answering its Lambda tasks in-process.
 */
public final class LocalRun {

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final CommandDispatcher dispatcher;
    private final MockResults mocks;
    private final RunProgress progress;
    private final Clock clock;
    private final double delayScale;
    private final RunRecorder recorder;

    /**
     * @param delayScale how much of retry waits to actually wait (1 = as written, 0 = not at all)
     */
    public LocalRun(CommandDispatcher dispatcher, MockResults mocks, RunProgress progress, Clock clock, double delayScale) {
        this(dispatcher, mocks, progress, clock, delayScale, RunRecorder.NONE);
    }

    /** @param recorder keeps the run's history (the store in the CLI) */
    public LocalRun(CommandDispatcher dispatcher, MockResults mocks, RunProgress progress, Clock clock, double delayScale,
                    RunRecorder recorder) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.mocks = Objects.requireNonNull(mocks, "mocks");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delayScale = delayScale;
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** A run id that sorts by start time and is a valid execution name: {@code 20261121-120301-3fa9c1}. */
    public static String newRunId(Clock clock) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return RUN_ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    public RunReport run(String sequenceName, CompileResult compiled, ObjectNode runContext, String runId) {
        StateMachine machine = AslParser.parse(compiled.definition()).orElseThrow();
        StepInvoker invoker = new StepInvoker(mocks, dispatcher, progress, clock);
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.set("context", runContext);
        Map<String, CompileResult.StepState> stepStates = compiled.stepStates();
        ExecutionListener warnings = (arn, event) -> {
            CompileResult.StepState step = stepStates.get(event.stateName());
            if (event.type() == HistoryEventType.PassStateExited && step != null) {
                JsonNode envelope = event.detailJson("output").path("step").path(step.stepId());
                progress.warning(step.stepId(), envelope.path("message").asText());
            }
        };
        LocalEngine engine = LocalEngine.builder().taskInvoker(invoker).clock(clock).delayScale(delayScale)
                .listener(warnings).build();
        Instant started = clock.instant();
        recorder.started(runId, sequenceName, started, input);
        ExecutionResult result = engine.start(machine, input, runId, sequenceName);
        RunReport report = new RunReport(runId, sequenceName, result.status(), input, result.output(), result.error(),
                result.cause(), started, Duration.between(started, clock.instant()), invoker.records());
        recorder.finished(report);
        return report;
    }
}
