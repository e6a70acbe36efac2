package io.crawlseq.engine.history;

import io.crawlseq.engine.asl.StateType;

/**
 * Event types of Step Functions' GetExecutionHistory that the engine records, each with the name of its
 * details object (null when AWS sends none).
 */
public enum HistoryEventType {
    ExecutionStarted("executionStartedEventDetails"),
    ExecutionSucceeded("executionSucceededEventDetails"),
    ExecutionFailed("executionFailedEventDetails"),
    ExecutionTimedOut("executionTimedOutEventDetails"),
    ExecutionAborted("executionAbortedEventDetails"),

    TaskStateEntered("stateEnteredEventDetails"),
    TaskStateExited("stateExitedEventDetails"),
    TaskStateAborted(null),
    PassStateEntered("stateEnteredEventDetails"),
    PassStateExited("stateExitedEventDetails"),
    ChoiceStateEntered("stateEnteredEventDetails"),
    ChoiceStateExited("stateExitedEventDetails"),
    WaitStateEntered("stateEnteredEventDetails"),
    WaitStateExited("stateExitedEventDetails"),
    WaitStateAborted(null),
    SucceedStateEntered("stateEnteredEventDetails"),
    SucceedStateExited("stateExitedEventDetails"),
    FailStateEntered("stateEnteredEventDetails"),
    MapStateEntered("stateEnteredEventDetails"),
    MapStateExited("stateExitedEventDetails"),
    MapStateStarted("mapStateStartedEventDetails"),
    MapStateSucceeded(null),
    MapStateFailed(null),
    MapStateAborted(null),
    MapIterationStarted("mapIterationStartedEventDetails"),
    MapIterationSucceeded("mapIterationSucceededEventDetails"),
    MapIterationFailed("mapIterationFailedEventDetails"),
    MapIterationAborted("mapIterationAbortedEventDetails"),
    ParallelStateEntered("stateEnteredEventDetails"),
    ParallelStateExited("stateExitedEventDetails"),
    ParallelStateStarted(null),
    ParallelStateSucceeded(null),
    ParallelStateFailed(null),
    ParallelStateAborted(null),

    TaskScheduled("taskScheduledEventDetails"),
    TaskStarted("taskStartedEventDetails"),
    TaskSucceeded("taskSucceededEventDetails"),
    TaskFailed("taskFailedEventDetails"),
    TaskTimedOut("taskTimedOutEventDetails"),
    LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
    LambdaFunctionStarted(null),
    LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
    LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
    LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails");

    private final String detailsField;

    HistoryEventType(String detailsField) {
        this.detailsField = detailsField;
    }

    /** The name of the details object in the API shape, e.g. {@code stateEnteredEventDetails}; null if none. */
    public String detailsField() {
        return detailsField;
    }

    public static HistoryEventType entered(StateType type) {
        return valueOf(type.aslName() + "StateEntered");
    }

    /** The exit event of a state type; Fail states have none. */
    public static HistoryEventType exited(StateType type) {
        if (type == StateType.FAIL) {
            throw new IllegalArgumentException("Fail states have no exit event");
        }
        return valueOf(type.aslName() + "StateExited");
    }

    public boolean isStateEntered() {
        return name().endsWith("StateEntered");
    }

    public boolean isStateExited() {
        return name().endsWith("StateExited");
    }
}
