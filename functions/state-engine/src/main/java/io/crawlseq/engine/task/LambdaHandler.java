package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An in-process stand-in for a Lambda function. Throw {@link FunctionError} to choose the error name
 * Retry/Catch see; any other exception is reported like the Java Lambda runtime does, with the
 * exception's class name as the error.
 */
@FunctionalInterface
public interface LambdaHandler {

    JsonNode handle(JsonNode payload, TaskInvocation invocation) throws Exception;
}
