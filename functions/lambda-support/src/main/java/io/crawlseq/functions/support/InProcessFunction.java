package io.crawlseq.functions.support;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * A deployed function's handler invoked in this process the way Lambda invokes it: the event as
 * JSON bytes in, the response as JSON bytes out, a context with the function's name and remaining
 * time. A handler's exception is the function error (its class name is the error type, as the Java
 * runtime reports it). Used by the local stack and by the tests that drive handlers with
 * {@code events/*.json}.
 */
public final class InProcessFunction {

    private final FunctionSpec spec;
    private final RequestStreamHandler handler;
    private final Clock clock;

    public InProcessFunction(FunctionSpec spec, RequestStreamHandler handler, Clock clock) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InProcessFunction(FunctionSpec spec, RequestStreamHandler handler) {
        this(spec, handler, Clock.systemUTC());
    }

    public FunctionSpec spec() {
        return spec;
    }

    public RequestStreamHandler handler() {
        return handler;
    }

    /** Invokes synchronously; a null or empty response reads as JSON {@code null}. */
    public JsonNode invoke(JsonNode event) throws Exception {
        return invoke(LambdaJson.bytes(event));
    }

    public JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(spec, clock));
        byte[] response = out.toByteArray();
        return response.length == 0 ? LambdaJson.mapper().nullNode() : LambdaJson.parse(response);
    }
}
