package io.crawlseq.crawler.hubs;

import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.url.WebUrl;
import java.util.List;

/**
 * What signals look at: a candidate URL, its classification and everything seen about it.
 *
 * @param url        the candidate
 * @param segments   path segments in slug form
 * @param kind       what the classifier made of it
 * @param place      the place its last segment names (place kinds and placeTopic), else null
 * @param topic      topic key (topic and placeTopic kinds), else null
 * @param state      links to it and its page's facts
 * @param bestAnchor the most frequent anchor text of links to it ("" when none)
 */
public record CandidateFacts(WebUrl url, List<String> segments, HubKind kind, PlaceReading place, String topic,
                             CandidateState state, String bestAnchor) {

    public int linksFrom(LinkLocation location) {
        return state.locations().getOrDefault(location.name(), 0);
    }

    public int navigationLinks() {
        return linksFrom(LinkLocation.NAV) + linksFrom(LinkLocation.HEADER) + linksFrom(LinkLocation.BREADCRUMB);
    }

    public PageSummary page() {
        return state.page();
    }

    public boolean fetched() {
        return state.page() != null;
    }

    public String lastSegment() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }
}
