package io.crawlseq.engine.internal;

import io.crawlseq.engine.ErrorNames;

/**
 * A state failed with an ASL error. Internal control flow of the interpreter: it never leaves the
 * engine, which reports it in the execution result.
 *
 * @see ErrorNames
 */
public final class StatesError extends RuntimeException {

    private final String error;
    private final String cause;
    /** True once the "An error occurred while executing the state..." prefix has been added. */
    private final boolean located;

    public StatesError(String error, String cause) {
        this(error, cause, false);
    }

    private StatesError(String error, String cause, boolean located) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.located = located;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(ErrorNames.RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** Errors the engine detects get the state's name in the cause, as AWS writes them. */
    public StatesError locatedIn(String stateName, long enteredEventId) {
        if (located || !isEngineDetected()) {
            return this;
        }
        return new StatesError(error, "An error occurred while executing the state '" + stateName
                + "' (entered at the event id #" + enteredEventId + "). " + cause, true);
    }

    private boolean isEngineDetected() {
        return ErrorNames.RUNTIME.equals(error) || ErrorNames.RESULT_PATH_MATCH_FAILURE.equals(error)
                || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** States.Runtime and States.DataLimitExceeded end the execution: no retry, no States.ALL catch. */
    public boolean isTerminal() {
        return ErrorNames.RUNTIME.equals(error) || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error);
    }
}
