package io.crawlseq.crawler.hubs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * Everything a {@link HubDetector} has learnt, as a value that goes to JSON and back, so a command
 * that stops at its time budget can continue later with the same result.
 *
 * @param version    format version (1)
 * @param site       the site's start URL
 * @param pagesSeen  64-bit fingerprints of the pages already added
 * @param candidates what is known per candidate URL
 */
public record HubDetectorState(int version, String site, List<Long> pagesSeen, List<CandidateState> candidates) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public HubDetectorState {
        pagesSeen = List.copyOf(pagesSeen);
        candidates = List.copyOf(candidates);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state is always serialisable", e);
        }
    }

    /** Reads a state written by {@link #toJson()}; a malformed value is an error the caller reports. */
    public static HubDetectorState fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, HubDetectorState.class);
    }
}
