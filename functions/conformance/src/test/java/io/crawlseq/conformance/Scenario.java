package io.crawlseq.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.compile.CompileResult;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How the scripted functions behave in one run of a compiled sequence. Every state that runs a
 * command gets a list of answers, long enough for loops and retries; both engines consume the same
 * lists in the same order.
 */
enum Scenario {

    /** Every invocation succeeds with small counters (conditions like {@code hubCount > 10} are false). */
    ALL_SUCCEED_FEW((spec, state) -> repeat(SampleResults.success(spec, 3))),
    /** Every invocation succeeds with large counters. */
    ALL_SUCCEED_MANY((spec, state) -> repeat(SampleResults.success(spec, 12))),
    /** Each invocation first fails with the transient error, and its retry succeeds. */
    TRANSIENT_THEN_SUCCESS((spec, state) -> alternate(failure("CommandTransientError", "throttled"), SampleResults.success(spec, 12))),
    /** Every invocation keeps failing transiently: retries run out and the failure is caught. */
    RETRIES_EXHAUSTED((spec, state) -> repeat(failure("CommandTransientError", "still throttled"))),
    /** Every invocation raises a non-retryable error, caught into a failed envelope. */
    FATAL_ERRORS((spec, state) -> repeat(failure("CommandFatalError", "store unavailable"))),
    /** Every command reports failure in its envelope (no error raised). */
    FAILED_ENVELOPES((spec, state) -> repeat(SampleResults.failed(spec))),
    /** Long crawls: each first invocation returns partial, the resumed one finishes. */
    PARTIAL_THEN_DONE((spec, state) -> spec.crawls()
            ? alternate(SampleResults.partial(spec, 2), SampleResults.success(spec, 12))
            : repeat(SampleResults.success(spec, 12))),
    /** The first invocation of each step hangs past its timeout; the retry succeeds. */
    FIRST_ATTEMPT_HANGS((spec, state) -> repeat(SampleResults.success(spec, 12))) {
        @Override
        ArrayNode answersFor(CommandSpec spec, CompileResult.StepState state, boolean timed) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            if (timed) {
                // only a step with a timeout can hang without hanging the whole run
                list.addObject().put("$hang", true);
            }
            list.addAll(repeat(SampleResults.success(spec, 12)));
            return list;
        }
    };


    private final BiFunction<CommandSpec, CompileResult.StepState, ArrayNode> answers;

    Scenario(BiFunction<CommandSpec, CompileResult.StepState, ArrayNode> answers) {
        this.answers = answers;
    }

    /**
     * The taskResults of a cross-check case: answers keyed by the state that runs each step.
     *
     * @param timedSteps ids of the steps that have a timeout
     */
    ObjectNode taskResults(CompileResult compiled, CommandRegistry registry, java.util.Set<String> timedSteps) {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, CompileResult.StepState> e : compiled.stepStates().entrySet()) {
            CommandSpec spec = registry.require(e.getValue().command());
            if (spec.lambda().isPresent()) {
                results.set(e.getKey(), answersFor(spec, e.getValue(), timedSteps.contains(e.getValue().stepId())));
            }
        }
        return results;
    }

    ArrayNode answersFor(CommandSpec spec, CompileResult.StepState state, boolean timed) {
        return answers.apply(spec, state);
    }

    /**
     * Whether the answers alternate, so that which call takes which answer depends on call order:
     * such scenarios are deterministic only when no loop runs iterations concurrently.
     */
    boolean orderSensitive() {
        return this == TRANSIENT_THEN_SUCCESS || this == PARTIAL_THEN_DONE;
    }

    /** Enough answers for every loop and retry of the sequences under test. */
    private static final int REPEAT = 40;

    private static ObjectNode failure(String error, String cause) {
        ObjectNode failure = JsonNodeFactory.instance.objectNode();
        failure.put("error", error);
        failure.put("cause", cause);
        return failure;
    }

    private static ArrayNode repeat(ObjectNode answer) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < REPEAT; i++) {
            list.add(answer.deepCopy());
        }
        return list;
    }

    private static ArrayNode alternate(ObjectNode first, ObjectNode second) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < REPEAT; i++) {
            list.add(first.deepCopy());
            list.add(second.deepCopy());
        }
        return list;
    }
}
