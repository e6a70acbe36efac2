package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.store.S3Sequencer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads S3 event notifications ({@code {"Records": [{"eventSource": "aws:s3", "eventName":
 * "ObjectCreated:Put", "s3": {"bucket": {"name"}, "object": {"key", "versionId", "sequencer",
 * "size"}}}]}}). Keys arrive URL-encoded ({@code my+file%28v2%29.yaml}) and are decoded here.
 */
public final class S3Events {

    private S3Events() {
    }

    /**
     * One created object.
     *
     * @param sequencer orders events of one key; absent only in hand-written events
     */
    public record ObjectCreated(String eventName, String bucket, String key, Optional<String> versionId,
                                Optional<S3Sequencer> sequencer, long size) {
    }

    /** The ObjectCreated records of an event, in order; other records are left out. */
    public static List<ObjectCreated> objectsCreated(JsonNode event) {
        List<ObjectCreated> out = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String name = record.path("eventName").asText("");
            if (!"aws:s3".equals(record.path("eventSource").asText()) || !name.startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            String key = URLDecoder.decode(object.path("key").asText(""), StandardCharsets.UTF_8);
            String bucket = s3.path("bucket").path("name").asText("");
            if (key.isEmpty() || bucket.isEmpty()) {
                continue;
            }
            out.add(new ObjectCreated(name, bucket, key, text(object, "versionId"),
                    text(object, "sequencer").flatMap(S3Events::sequencer), object.path("size").asLong(-1)));
        }
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() && !"null".equals(value.textValue())
                ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static Optional<S3Sequencer> sequencer(String value) {
        try {
            return Optional.of(S3Sequencer.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
