package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.CrawlProgress;
import io.crawlseq.crawler.hubs.CandidateState;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The core of siteExplorer: the site's top-level sections (what its navigation offers from the
 * start page) and its hubs of every kind, found by {@link HubFinder} without crawling stories
 * beyond the few sampled for bylines and tags.
 */
public final class SiteExplorer {

    private SiteExplorer() {
    }

    /**
     * A section of the site's navigation.
     *
     * @param url       the section's URL
     * @param name      its name (navigation text)
     * @param linkCount pages whose navigation links to it
     */
    public record Section(String url, String name, int linkCount) {
    }

    public record Result(List<Section> sections, HubFinder.Result hubs) {

        public boolean partial() {
            return hubs.partial();
        }
    }

    public static Result explore(Crawler crawler, WebUrl site, HubFinder.Options options, Consumer<CrawlProgress> progress) {
        return result(HubFinder.find(crawler, site, options, progress));
    }

    public static Result resume(Crawler crawler, HubFinder.Options options, HubFinder.State state,
                                Consumer<CrawlProgress> progress) {
        return result(HubFinder.resume(crawler, options, state, progress));
    }

    /**
     * Sections: the start page's navigation links that lead to a hub (directly or by a redirect),
     * in navigation order; linkCount counts the pages linking to the section.
     */
    private static Result result(HubFinder.Result found) {
        Map<String, CandidateState> states = new HashMap<>();
        for (CandidateState c : found.state().detector().candidates()) {
            states.put(c.url(), c);
        }
        Map<String, Hub> hubs = new HashMap<>();
        for (Hub hub : found.hubs()) {
            hubs.put(hub.url(), hub);
        }
        List<Section> sections = new ArrayList<>();
        for (HubFinder.NavLink link : found.state().startNavigation()) {
            CandidateState c = states.get(link.url());
            String target = c != null && c.redirectsTo() != null ? c.redirectsTo() : link.url();
            Hub hub = hubs.get(target);
            if (hub == null || !hub.kind().isHub() || sections.stream().anyMatch(s -> s.url().equals(target))) {
                continue;
            }
            int links = (c == null ? 0 : c.sources()) + (target.equals(link.url()) || states.get(target) == null
                    ? 0 : states.get(target).sources());
            sections.add(new Section(target, link.text().isBlank() ? hub.name() : link.text(), links));
        }
        return new Result(sections, found);
    }
}
