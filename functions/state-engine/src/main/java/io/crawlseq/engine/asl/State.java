package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One state of a machine. Path fields use {@code Optional<JsonPath>}: empty means the definition set the
 * field to JSON {@code null}; an absent field is already filled with its default {@code $}. Template
 * fields ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}) are null when absent.
 * {@code next} is null for a state that ends its graph.
 */
public sealed interface State {

    String name();

    StateType type();

    /** The state to run after this one, or null when the state ends its graph (End, Succeed, Fail, Choice). */
    default String next() {
        return null;
    }

    record Pass(String name, Optional<JsonPath> inputPath, PayloadTemplate parameters, JsonNode result,
                Optional<JsonPath> resultPath, Optional<JsonPath> outputPath, String next) implements State {
        @Override
        public StateType type() {
            return StateType.PASS;
        }
    }

    /**
     * @param resource          the {@code Resource} ARN, e.g. {@code arn:aws:states:::lambda:invoke}
     * @param timeoutSeconds    null when neither TimeoutSeconds nor TimeoutSecondsPath is set
     * @param heartbeatSeconds  accepted for compatibility; in-process handlers have no heartbeats
     */
    record Task(String name, String resource, Optional<JsonPath> inputPath, PayloadTemplate parameters,
                PayloadTemplate resultSelector, Optional<JsonPath> resultPath, Optional<JsonPath> outputPath,
                Integer timeoutSeconds, JsonPath timeoutSecondsPath, Integer heartbeatSeconds,
                List<Retrier> retry, List<Catcher> catchers, String next) implements State {
        public Task {
            retry = List.copyOf(retry);
            catchers = List.copyOf(catchers);
        }

        @Override
        public StateType type() {
            return StateType.TASK;
        }
    }

    record Choice(String name, Optional<JsonPath> inputPath, Optional<JsonPath> outputPath,
                  List<ChoiceRule.Branch> choices, String defaultNext) implements State {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public StateType type() {
            return StateType.CHOICE;
        }
    }

    record Wait(String name, Optional<JsonPath> inputPath, Optional<JsonPath> outputPath, WaitFor waitFor,
                String next) implements State {
        @Override
        public StateType type() {
            return StateType.WAIT;
        }
    }

    /** How long a Wait state waits: exactly one of the four ASL fields. */
    sealed interface WaitFor {
        record Seconds(long seconds) implements WaitFor {
        }

        record SecondsPath(JsonPath path) implements WaitFor {
        }

        record Timestamp(OffsetDateTime timestamp) implements WaitFor {
        }

        record TimestampPath(JsonPath path) implements WaitFor {
        }
    }

    record Succeed(String name, Optional<JsonPath> inputPath, Optional<JsonPath> outputPath) implements State {
        @Override
        public StateType type() {
            return StateType.SUCCEED;
        }
    }

    /** Error/Cause literals or paths; at most one of each pair is set, and both may be absent. */
    record Fail(String name, String error, JsonPath errorPath, String cause, JsonPath causePath) implements State {
        @Override
        public StateType type() {
            return StateType.FAIL;
        }
    }

    /**
     * An inline Map.
     *
     * @param itemSelector           ItemSelector or the legacy Parameters; null to pass each item as is
     * @param processor              ItemProcessor or the legacy Iterator
     * @param maxConcurrency         0 means no limit (the engine caps it, see LocalEngine)
     * @param toleratedFailureCount  null unless set; with the percentage, failures up to the threshold
     *                               leave the Map successful
     */
    record Map(String name, Optional<JsonPath> inputPath, JsonPath itemsPath, PayloadTemplate itemSelector,
               StateGraph processor, int maxConcurrency, JsonPath maxConcurrencyPath,
               Integer toleratedFailureCount, Double toleratedFailurePercentage,
               PayloadTemplate resultSelector, Optional<JsonPath> resultPath, Optional<JsonPath> outputPath,
               List<Retrier> retry, List<Catcher> catchers, String next) implements State {
        public Map {
            retry = List.copyOf(retry);
            catchers = List.copyOf(catchers);
        }

        @Override
        public StateType type() {
            return StateType.MAP;
        }
    }

    record Parallel(String name, Optional<JsonPath> inputPath, PayloadTemplate parameters, List<StateGraph> branches,
                    PayloadTemplate resultSelector, Optional<JsonPath> resultPath, Optional<JsonPath> outputPath,
                    List<Retrier> retry, List<Catcher> catchers, String next) implements State {
        public Parallel {
            branches = List.copyOf(branches);
            retry = List.copyOf(retry);
            catchers = List.copyOf(catchers);
        }

        @Override
        public StateType type() {
            return StateType.PARALLEL;
        }
    }
}
