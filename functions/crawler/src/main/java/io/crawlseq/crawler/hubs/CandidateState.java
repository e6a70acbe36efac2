package io.crawlseq.crawler.hubs;

import java.util.Map;

/**
 * Everything the detector knows about one URL, in a form that exports to JSON and back.
 *
 * @param url             normalised URL
 * @param sources         distinct pages linking here
 * @param locations       per link location, distinct pages linking from there
 * @param anchors         anchor texts with counts (the most frequent few)
 * @param fromHome        linked from the site's start page
 * @param fromListing     linked from a page that is itself a listing
 * @param page            the page's facts when fetched, else null
 * @param failure         the fetch outcome when fetching it failed (wire name), else null
 * @param redirectsTo     the URL it redirects to, else null
 */
public record CandidateState(String url, int sources, Map<String, Integer> locations,
                             Map<String, Integer> anchors, boolean fromHome, boolean fromListing, PageSummary page,
                             String failure, String redirectsTo) {
}
