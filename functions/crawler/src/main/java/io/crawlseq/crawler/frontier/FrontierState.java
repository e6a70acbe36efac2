package io.crawlseq.crawler.frontier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * A frontier and a crawl's counters as a compact JSON value: what a command saves when it stops at
 * its time budget and what the next invocation restores to continue with the same result.
 *
 * @param version  format version (1)
 * @param nextSeq  the next discovery number
 * @param pending  entries not processed yet, as {@code [url, depth, seq, attempts]}
 * @param seen     every URL ever offered, as {@link Fingerprints#export()}
 * @param counters crawl counters ({@code processed}, {@code fetched}, ...)
 */
public record FrontierState(int version, long nextSeq, List<List<Object>> pending, String seen,
                            Map<String, Long> counters) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public FrontierState {
        // one representation whatever the source (JSON reads small numbers as ints)
        pending = pending.stream().map(FrontierState::canonical).toList();
        java.util.Map<String, Long> c = new java.util.TreeMap<>();
        counters.forEach((k, v) -> c.put(k, ((Number) v).longValue()));
        counters = java.util.Collections.unmodifiableMap(c);
    }

    private static List<Object> canonical(List<Object> entry) {
        if (entry.size() != 4) {
            throw new IllegalArgumentException("malformed frontier entry " + entry);
        }
        return List.of(String.valueOf(entry.get(0)), ((Number) entry.get(1)).intValue(),
                ((Number) entry.get(2)).longValue(), ((Number) entry.get(3)).intValue());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state is always serialisable", e);
        }
    }

    public static FrontierState fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, FrontierState.class);
    }
}
