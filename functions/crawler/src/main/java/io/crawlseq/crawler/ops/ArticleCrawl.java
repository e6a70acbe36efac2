package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.crawl.Crawl;
import io.crawlseq.crawler.crawl.CrawlHandler;
import io.crawlseq.crawler.crawl.CrawlOptions;
import io.crawlseq.crawler.crawl.CrawlProgress;
import io.crawlseq.crawler.crawl.CrawlReport;
import io.crawlseq.crawler.crawl.CrawledPage;
import io.crawlseq.crawler.crawl.UrlFilters;
import io.crawlseq.crawler.frontier.FrontierState;
import io.crawlseq.crawler.page.Link;
import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.UrlShapes;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The core of basicArticleCrawl: a breadth-first crawl of the site within depth and download
 * limits that hands every story it recognises to a sink, with the listing page it was found on.
 * Continues across invocations from {@link CrawlReport#state()}.
 */
public final class ArticleCrawl {

    private ArticleCrawl() {
    }

    /**
     * @param start        where to begin
     * @param maxDepth     link depth
     * @param maxDownloads pages fetched at most (cumulative over continuations)
     * @param concurrency  requests in flight
     * @param extraHosts   hosts outside the start site the crawl may follow ({@code *.example.org} allowed)
     * @param deadline     clock time after which no request starts
     */
    public record Options(WebUrl start, int maxDepth, long maxDownloads, int concurrency, Set<String> extraHosts,
                          long deadline) {

        public static Options of(WebUrl start) {
            return new Options(start, 3, 200, 4, Set.of(), Long.MAX_VALUE);
        }

        public Options limits(int depth, long downloads, int requestsInFlight) {
            return new Options(start, depth, downloads, requestsInFlight, extraHosts, deadline);
        }

        public Options deadline(long clockMillis) {
            return new Options(start, maxDepth, maxDownloads, concurrency, extraHosts, clockMillis);
        }

        public Options extraHosts(Set<String> hosts) {
            return new Options(start, maxDepth, maxDownloads, concurrency, hosts, deadline);
        }

        CrawlOptions crawlOptions() {
            SiteScope scope = SiteScope.of(start, extraHosts);
            return new CrawlOptions(List.of(start.toString()), maxDepth, maxDownloads, concurrency, deadline,
                    UrlFilters.standard(scope, maxDepth), scope::contains, 1000);
        }
    }

    /** Crawls from the start; every story found goes to {@code articles}. */
    public static CrawlReport run(Crawler crawler, Options options, Consumer<ArticleRecord> articles,
                                  Consumer<CrawlProgress> progress) {
        return run(crawler, options, new HashMap<>(), articles, progress);
    }

    /**
     * Crawls from the start, remembering in {@code foundOn} (story URL → the listing that linked it
     * first) the stories linked but not fetched yet: save it with the state to resume with the same
     * {@link ArticleRecord#hubUrl()}s.
     */
    public static CrawlReport run(Crawler crawler, Options options, Map<String, String> foundOn,
                                  Consumer<ArticleRecord> articles, Consumer<CrawlProgress> progress) {
        return Crawl.start(crawler, options.crawlOptions(), handler(foundOn, articles, progress)).run();
    }

    /** Continues a crawl that stopped at its deadline. */
    public static CrawlReport resume(Crawler crawler, Options options, FrontierState state, Consumer<ArticleRecord> articles,
                                     Consumer<CrawlProgress> progress) {
        return resume(crawler, options, state, new HashMap<>(), articles, progress);
    }

    /** Continues a crawl that stopped at its deadline, with the {@code foundOn} map it left. */
    public static CrawlReport resume(Crawler crawler, Options options, FrontierState state, Map<String, String> foundOn,
                                     Consumer<ArticleRecord> articles, Consumer<CrawlProgress> progress) {
        return Crawl.resume(crawler, options.crawlOptions(), handler(foundOn, articles, progress), state).run();
    }

    /**
     * The page's followable links, those in its content (teaser cards, main column, story text)
     * before those in asides, navigation and footers: breadth-first all the same, but a crawl with a
     * small download budget spends it on the listing's stories rather than on the site menu.
     */
    static List<String> contentFirst(PageAnalysis page) {
        Set<String> ordered = new LinkedHashSet<>();
        for (int pass = 0; pass < 3; pass++) {
            for (Link link : page.links()) {
                if (!link.nofollow() && rank(link.location()) == pass) {
                    ordered.add(link.url());
                }
            }
        }
        return new ArrayList<>(ordered);
    }

    private static int rank(LinkLocation location) {
        return switch (location) {
            case ARTICLE_CARD, MAIN, ARTICLE_BODY -> 0;
            case BODY, ASIDE, BREADCRUMB -> 1;
            case NAV, HEADER, FOOTER -> 2;
        };
    }

    private static CrawlHandler handler(Map<String, String> foundOn, Consumer<ArticleRecord> articles,
                                        Consumer<CrawlProgress> progress) {
        return new CrawlHandler() {
            @Override
            public List<String> onPage(CrawledPage page) {
                if (page.analysis() == null) {
                    return List.of();
                }
                if (page.analysis().isArticle()) {
                    // removed once used: what stays is what a continuation needs
                    articles.accept(ArticleRecord.of(page.analysis(), foundOn.remove(page.url())));
                } else if (foundOn.size() < 200_000) {
                    for (Link link : page.analysis().links()) {
                        WebUrl u = UrlParser.parse(link.url()).toOptional().orElse(null);
                        if (u != null && UrlShapes.looksLikeArticle(u)) {
                            foundOn.putIfAbsent(link.url(), page.url());
                        }
                    }
                }
                return contentFirst(page.analysis());
            }

            @Override
            public void onProgress(CrawlProgress p) {
                progress.accept(p);
            }
        };
    }
}
