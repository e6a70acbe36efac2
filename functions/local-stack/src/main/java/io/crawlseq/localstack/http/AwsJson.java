package io.crawlseq.localstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * JSON on the wire of the local endpoints: AWS JSON 1.0 (Step Functions) and REST-JSON (Scheduler)
 * bodies, timestamps as epoch seconds with a fraction (what the SDKs parse for those protocols), and
 * errors in the shapes the SDKs map to their exception classes.
 */
public final class AwsJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String JSON_1_0 = "application/x-amz-json-1.0";

    private AwsJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static ObjectNode body(LocalHttpServer.Request request) throws AwsError {
        if (request.body().length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(request.body());
            if (!(node instanceof ObjectNode object)) {
                throw AwsError.badRequest("SerializationException", "the request body must be a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw AwsError.badRequest("SerializationException", "the request body is not JSON");
        }
    }

    public static DecimalNode timestamp(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }

    public static String text(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static LocalHttpServer.Response ok(JsonNode body, String contentType) {
        return new LocalHttpServer.Response(200, Map.of("Content-Type", contentType, "x-amzn-RequestId",
                java.util.UUID.randomUUID().toString()), text(body).getBytes(StandardCharsets.UTF_8));
    }

    /** AWS JSON 1.0: {@code {"__type": code, "message": ...}}. */
    public static LocalHttpServer.Response json10Error(AwsError error) {
        ObjectNode body = object();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        return new LocalHttpServer.Response(error.status(), Map.of("Content-Type", JSON_1_0),
                text(body).getBytes(StandardCharsets.UTF_8));
    }

    /** REST-JSON: the code in {@code x-amzn-ErrorType}, {@code {"Message": ...}} in the body. */
    public static LocalHttpServer.Response restJsonError(AwsError error) {
        ObjectNode body = object();
        body.put("Message", error.getMessage());
        return new LocalHttpServer.Response(error.status(), Map.of("Content-Type", "application/json",
                "x-amzn-ErrorType", error.code()), text(body).getBytes(StandardCharsets.UTF_8));
    }
}
