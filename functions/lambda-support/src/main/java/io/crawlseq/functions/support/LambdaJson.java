package io.crawlseq.functions.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper the handlers use, built once per execution environment (a mapper is
 * expensive to create and thread-safe to share). Handlers read their event as a tree rather than
 * binding it to classes: the events are small, and a tree keeps reflection out of cold starts.
 */
public final class LambdaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The whole event; an empty stream reads as an empty object (a bare {@code aws lambda invoke}). */
    public static JsonNode read(InputStream input) throws IOException {
        byte[] bytes = input.readAllBytes();
        if (bytes.length == 0) {
            return object();
        }
        return MAPPER.readTree(bytes);
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    public static void write(OutputStream output, JsonNode value) throws IOException {
        output.write(MAPPER.writeValueAsBytes(value));
    }

    public static byte[] bytes(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static String text(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
