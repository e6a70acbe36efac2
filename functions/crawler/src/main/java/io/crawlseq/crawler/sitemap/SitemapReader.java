package io.crawlseq.crawler.sitemap;

import io.crawlseq.crawler.fetch.ContentKind;
import io.crawlseq.crawler.fetch.FetchOutcome;
import io.crawlseq.crawler.fetch.FetchRequest;
import io.crawlseq.crawler.fetch.FetchResult;
import io.crawlseq.crawler.fetch.Fetcher;
import io.crawlseq.crawler.url.UrlNormalizer;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks sitemaps breadth-first from a list of starting sitemaps (robots.txt {@code Sitemap:}
 * lines, or {@code /sitemap.xml}), expanding indexes up to a depth, within file and URL caps. Page
 * URLs outside {@code pageScope} are dropped. Fetching goes through the given {@link Fetcher}
 * (politeness, robots, SSRF guard); parsing is {@link SitemapParser}'s.
 */
public final class SitemapReader {

    private final Fetcher fetcher;
    private final SitemapParser parser;
    private final UrlNormalizer normalizer = UrlNormalizer.standard();

    public SitemapReader(Fetcher fetcher, SitemapParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    /** Where to look when robots.txt names no sitemap. */
    public static List<String> defaultLocations(WebUrl site) {
        return List.of(site.origin() + "/sitemap.xml", site.origin() + "/sitemap_index.xml");
    }

    private record Pending(String url, String source, int depth) {
    }

    /**
     * @param fromRobots sitemap URLs from robots.txt (may be empty)
     * @param site       the site, for the default locations when robots.txt lists none
     * @param pageScope  page URLs kept (e.g. the site scope)
     */
    public SitemapDiscovery discover(List<String> fromRobots, WebUrl site, Predicate<WebUrl> pageScope,
                                     SitemapOptions options) {
        if (!fromRobots.isEmpty()) {
            return read(fromRobots, "robots.txt", pageScope, options);
        }
        List<String> defaults = defaultLocations(site);
        SitemapDiscovery first = read(List.of(defaults.get(0)), "default location", pageScope, options);
        if (first.sitemapsRead() > 0) {
            return first;
        }
        SitemapDiscovery second = read(List.of(defaults.get(1)), "default location", pageScope, options);
        List<SitemapDiscovery.Visit> visits = new ArrayList<>(first.sitemaps());
        visits.addAll(second.sitemaps());
        return new SitemapDiscovery(visits, second.entries(), second.truncated());
    }

    /** Reads the given sitemaps and everything their indexes list, within the options' limits. */
    public SitemapDiscovery read(List<String> start, String source, Predicate<WebUrl> pageScope, SitemapOptions options) {
        Deque<Pending> queue = new ArrayDeque<>();
        Set<String> seenSitemaps = new HashSet<>();
        for (String url : start) {
            String key = normalizer.key(null, url);
            if (key != null && seenSitemaps.add(key)) {
                queue.add(new Pending(key, source, 0));
            }
        }
        List<SitemapDiscovery.Visit> visits = new ArrayList<>();
        List<SitemapEntry> entries = new ArrayList<>();
        Set<String> seenPages = new HashSet<>();
        boolean truncated = false;
        while (!queue.isEmpty()) {
            if (visits.size() >= options.maxSitemaps()) {
                truncated = true;
                break;
            }
            Pending next = queue.poll();
            WebUrl url = normalizer.normalize(next.url()).orElseThrow();
            FetchResult result = fetcher.fetch(FetchRequest.of(url, ContentKind.SITEMAP));
            if (result.outcome() != FetchOutcome.OK) {
                visits.add(new SitemapDiscovery.Visit(next.url(), next.source(), next.depth(),
                        SitemapDiscovery.Kind.FAILED, 0, result.outcome(), result.detail()));
                continue;
            }
            SitemapDocument document = parser.parse(result.finalUrl(), result.body(), result.contentType());
            switch (document) {
                case SitemapDocument.Index index -> {
                    visits.add(new SitemapDiscovery.Visit(next.url(), next.source(), next.depth(),
                            SitemapDiscovery.Kind.INDEX, index.sitemaps().size(), result.outcome(), ""));
                    truncated |= index.truncated();
                    if (next.depth() >= options.maxDepth()) {
                        truncated |= !index.sitemaps().isEmpty();
                        continue;
                    }
                    for (String child : index.sitemaps()) {
                        String key = normalizer.key(null, child);
                        if (key != null && seenSitemaps.add(key)) {
                            queue.add(new Pending(key, next.url(), next.depth() + 1));
                        }
                    }
                }
                case SitemapDocument.UrlSet set -> {
                    visits.add(new SitemapDiscovery.Visit(next.url(), next.source(), next.depth(),
                            SitemapDiscovery.Kind.URLSET, set.entries().size(), result.outcome(), ""));
                    truncated |= set.truncated();
                    for (SitemapEntry entry : set.entries()) {
                        UrlResult page = normalizer.normalize(entry.url());
                        if (!(page instanceof UrlResult.Valid valid) || !pageScope.test(valid.url())) {
                            continue;
                        }
                        if (!seenPages.add(valid.url().toString())) {
                            continue;
                        }
                        if (entries.size() >= options.maxUrls()) {
                            truncated = true;
                            break;
                        }
                        entries.add(new SitemapEntry(valid.url().toString(), entry.lastModified(), entry.news()));
                    }
                }
                case SitemapDocument.Unreadable unreadable -> visits.add(new SitemapDiscovery.Visit(next.url(),
                        next.source(), next.depth(), SitemapDiscovery.Kind.UNREADABLE, 0, result.outcome(),
                        unreadable.reason()));
            }
        }
        return new SitemapDiscovery(visits, entries, truncated);
    }
}
