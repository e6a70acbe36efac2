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
        pending = List.copyOf(pending);
        counters = Map.copyOf(counters);
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
