package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The line-delimited JSON protocol between the runner (parent) and a worker (child JVM): each
 * message is one line of JSON with a {@code t} discriminator. The parent writes {@link ToWorker}
 * lines to the worker's stdin, the worker writes {@link FromWorker} lines to its stdout; stderr is
 * diagnostics only.
 */
public final class Protocol {

    /** A generous bound on one line: one record is at most 1 MiB, a fetched body is capped by the fetcher. */
    public static final int MAX_LINE_BYTES = 64 << 20;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Protocol() {
    }

    public static String encode(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T decode(String line, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(line, type);
    }
}
