package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the work behind a Task state. The engine calls it on a thread of its own (several at once for
 * concurrent Map iterations and Parallel branches), so implementations must be thread-safe.
 *
 * <p>For {@code arn:aws:states:::lambda:invoke} return the function's result; the engine wraps it in
 * {@code {ExecutedVersion, Payload, StatusCode}} as Step Functions does. For any other resource (a bare
 * Lambda ARN, for instance) the returned value is the task result as is.
 */
@FunctionalInterface
public interface TaskInvoker {

    JsonNode invoke(TaskInvocation invocation) throws TaskFailure, InterruptedException;
}
