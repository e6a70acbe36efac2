package io.crawlseq.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An immutable JSON document (run input, step args, result envelopes, continuation state), held as its
 * compact text. Two {@code Json} values are equal when their compact texts are equal, so a value read back
 * from the store equals the value written.
 */
public record Json(String text) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Json EMPTY_OBJECT = new Json("{}");

    /** @throws IllegalArgumentException when {@code text} is not one well-formed JSON value */
    public Json {
        Objects.requireNonNull(text, "text");
        text = write(read(text));
    }

    public static Json parse(String text) {
        return new Json(text);
    }

    @JsonCreator
    public static Json of(JsonNode node) {
        return new Json(write(Objects.requireNonNull(node, "node")));
    }

    public static Json emptyObject() {
        return EMPTY_OBJECT;
    }

    /** A fresh, mutable tree of this document; changing it does not change this value. */
    @JsonValue
    public JsonNode node() {
        return read(text);
    }

    public int sizeBytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return text;
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
