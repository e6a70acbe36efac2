package io.crawlseq.lang.registry;

import io.crawlseq.lang.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Record types that appear in command results, and the envelope every command shares (SPEC §2). */
public final class ResultTypes {

    private ResultTypes() {
    }

    /**
     * Longest list a result envelope carries inline ({@code hubs}, {@code articles}, ...). Longer
     * lists are cut, named in {@code truncated}, and stored in full elsewhere: state payloads in
     * Step Functions are limited to 256 KiB, and every result stays in the run state.
     */
    public static final int ENVELOPE_LIST_CAP = 25;

    /** Upper bound a command keeps its serialised envelope under (lists trimmed further if needed). */
    public static final int ENVELOPE_MAX_BYTES = 8 * 1024;

    /** Values of an envelope's {@code status}. {@code partial} carries a continuation (long crawls). */
    public static final DataType STATUS = DataType.enumOf("success", "failed", "skipped", "partial");

    /** Kinds of hub-like pages. Author and tag pages are reported with their own kind, never as hubs. */
    public static final DataType HUB_KIND = DataType.enumOf(
            "country", "region", "city", "place", "topic", "placeTopic", "author", "tag");

    public static final DataType ERROR = object("Error", false,
            "type", DataType.STRING,
            "message", DataType.STRING);

    public static final DataType HUB = object("Hub", false,
            "url", DataType.STRING,
            "kind", HUB_KIND,
            "iso2", DataType.STRING,
            "topic", DataType.STRING,
            "name", DataType.STRING,
            "placeId", DataType.STRING,
            "confidence", DataType.NUMBER,
            "verified", DataType.BOOLEAN);

    public static final DataType ARTICLE = object("Article", false,
            "url", DataType.STRING,
            "title", DataType.STRING,
            "publishedAt", DataType.STRING,
            "section", DataType.STRING,
            "hubUrl", DataType.STRING);

    public static final DataType SECTION = object("Section", false,
            "url", DataType.STRING,
            "name", DataType.STRING,
            "linkCount", DataType.INTEGER);

    public static final DataType URL_PATTERN = object("UrlPattern", false,
            "pattern", DataType.STRING,
            "kind", HUB_KIND,
            "support", DataType.INTEGER);

    public static final DataType CONTINUATION = object("Continuation", true,
            "token", DataType.STRING,
            "invocation", DataType.INTEGER);

    /** Fields of every command result. */
    public static final List<ResultField> ENVELOPE_FIELDS = List.of(
            ResultField.of("command", DataType.STRING, "The command's name."),
            ResultField.of("status", STATUS, "success, failed, skipped, or partial while a long crawl continues."),
            ResultField.of("success", DataType.BOOLEAN, "True when status is success."),
            ResultField.of("startedAt", DataType.STRING, "ISO-8601 instant the step started."),
            ResultField.of("finishedAt", DataType.STRING, "ISO-8601 instant the step finished."),
            ResultField.of("elapsedMs", DataType.INTEGER, "Wall-clock duration in milliseconds."),
            ResultField.of("error", ERROR, "{type, message} when the step failed."),
            ResultField.of("continuation", CONTINUATION,
                    "Present only with status partial: where the next invocation resumes (state kept in the store)."),
            ResultField.of("truncated", DataType.arrayOf(DataType.STRING),
                    "Names of list fields cut to the envelope cap; the full lists are in the store."));

    /**
     * Counters every crawling command reports. A long crawl's counters cover all its invocations so
     * far (the final result describes the whole step).
     */
    public static final List<ResultField> CRAWL_FIELDS = List.of(
            ResultField.of("pagesFetched", DataType.INTEGER,
                    "HTTP responses received (any status; robots.txt, sitemaps and redirect hops included)."),
            ResultField.of("bytesFetched", DataType.INTEGER, "Body bytes received after decompression."),
            ResultField.of("failures", DataType.INTEGER,
                    "URLs whose fetch ended in an error outcome after retries (timeout, 4xx/5xx, too large, "
                            + "blocked by robots.txt or policy, ...); for sitemap commands, sitemap files too."));

    static DataType.ObjectType object(String name, boolean open, Object... nameTypePairs) {
        Map<String, DataType> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1]);
        }
        return new DataType.ObjectType(name, fields, open);
    }
}
