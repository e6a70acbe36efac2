package io.crawlseq.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.internal.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TaskInvoker} that maps Lambda functions to in-process handlers. A function is known by its
 * key: the name in a Lambda ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:Crawl:live} and
 * {@code 123456789012:function:Crawl} give {@code Crawl}), the inside of an unfilled SAM placeholder
 * ({@code ${CrawlFunctionArn}} gives {@code CrawlFunctionArn}), or a plain function name. Routes are
 * registered under any of these forms.
 *
 * <p>An unknown function fails with {@code Lambda.ResourceNotFoundException}, as Lambda would; a handler
 * exception becomes a function error whose cause is Lambda's JSON {@code {errorMessage, errorType,
 * stackTrace}} (the stack trace left empty so causes stay stable).
 */
public final class FunctionRouter implements TaskInvoker {

    public static final String RESOURCE_NOT_FOUND = "Lambda.ResourceNotFoundException";

    private final Map<String, LambdaHandler> handlers;

    private FunctionRouter(Map<String, LambdaHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key a function name, ARN or placeholder is routed by. */
    public static String functionKey(String nameOrArn) {
        String value = nameOrArn.strip();
        if (value.startsWith("${") && value.endsWith("}")) {
            return value.substring(2, value.length() - 1);
        }
        int function = value.indexOf(":function:");
        if (function >= 0) {
            value = value.substring(function + ":function:".length());
        }
        int qualifier = value.indexOf(':');
        return qualifier >= 0 ? value.substring(0, qualifier) : value;
    }

    public Optional<LambdaHandler> handlerFor(String functionName) {
        return Optional.ofNullable(handlers.get(functionKey(functionName)));
    }

    @Override
    public JsonNode invoke(TaskInvocation invocation) throws TaskFailure, InterruptedException {
        String functionName = invocation.functionName();
        LambdaHandler handler = handlerFor(functionName).orElseThrow(() -> new TaskFailure(RESOURCE_NOT_FOUND,
                "Function not found: " + functionName + " (no in-process handler is registered for '"
                        + functionKey(functionName) + "'; known: " + String.join(", ", handlers.keySet().stream().sorted().toList()) + ")"));
        try {
            return handler.handle(invocation.payload(), invocation);
        } catch (TaskFailure | InterruptedException e) {
            throw e;
        } catch (FunctionError e) {
            throw functionError(e.errorType(), e.getMessage());
        } catch (Exception e) {
            throw functionError(e.getClass().getName(), e.getMessage());
        }
    }

    /** A function error as Lambda reports it: the error type, and the error document as cause. */
    public static TaskFailure functionError(String errorType, String errorMessage) {
        ObjectNode document = Json.object();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        document.putArray("stackTrace");
        return new TaskFailure(errorType, Json.render(document));
    }

    public static final class Builder {
        private final Map<String, LambdaHandler> handlers = new LinkedHashMap<>();

        private Builder() {
        }

        /** Routes the function known as {@code nameOrArn} (any form, see the class comment) to {@code handler}. */
        public Builder route(String nameOrArn, LambdaHandler handler) {
            Objects.requireNonNull(handler, "handler");
            String key = functionKey(nameOrArn);
            if (handlers.putIfAbsent(key, handler) != null) {
                throw new IllegalArgumentException("a handler is already routed for '" + key + "'");
            }
            return this;
        }

        public FunctionRouter build() {
            return new FunctionRouter(handlers);
        }
    }
}
