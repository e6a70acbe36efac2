package io.crawlseq.sandbox;

/**
 * The runner itself failed (a worker JVM could not be started, the machine is out of processes):
 * an infrastructure failure, unlike everything a script does, which ends up in a {@link ScriptResult}.
 */
public class ScriptRunnerException extends RuntimeException {

    public ScriptRunnerException(String message) {
        super(message);
    }

    public ScriptRunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
