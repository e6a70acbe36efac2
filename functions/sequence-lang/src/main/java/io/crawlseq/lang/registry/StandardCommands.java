package io.crawlseq.lang.registry;

import static io.crawlseq.lang.registry.ResultField.cappedList;
import static io.crawlseq.lang.registry.ResultField.of;

import io.crawlseq.lang.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands of SPEC §6, defined once. Adding a command means adding an entry here and a handler
 * in the {@code commands} module; the registry/handler test, the SAM template test and the
 * generated reference ({@code docs/commands.md}) then say what else is missing.
 */
final class StandardCommands {

    private StandardCommands() {
    }

    private static final DataType ISO_LIST = DataType.arrayOf(DataType.STRING);

    // --- arguments shared by every crawling command ---------------------------------------------

    static final ArgSpec START_URL = ArgSpec.of("startUrl", DataType.STRING,
            "Target site. Defaults to the run context's startUrl.").format(ArgFormat.URL).build();
    static final ArgSpec MAX_DOWNLOADS = ArgSpec.of("maxDownloads", DataType.INTEGER,
            "Upper bound on the pages this step downloads over all its invocations (a failed fetch counts, a URL "
                    + "robots.txt refuses does not). robots.txt files (one per host) and sitemap files (capped "
                    + "separately) are not counted, except by sitemapDiscovery, which downloads nothing else.")
            .range(1, 1_000_000).build();
    static final ArgSpec MAX_DEPTH = ArgSpec.of("maxDepth", DataType.INTEGER,
            "Link depth from the start page the step may follow.").range(0, 100).build();
    static final ArgSpec CONCURRENCY = ArgSpec.of("concurrency", DataType.INTEGER,
            "Requests in flight in total (per host it is still bounded by politeness).")
            .range(1, 64).defaultValue(4).build();
    static final ArgSpec POLITENESS = ArgSpec.of("politeness", DataType.ANY,
            "Per-host politeness; robots.txt crawl-delay raises delayMs when larger.")
            .fields(
                    ArgSpec.of("delayMs", DataType.INTEGER, "Minimum delay between requests to one host.")
                            .range(0, 60_000).defaultValue(1000).build(),
                    ArgSpec.of("maxConcurrentPerHost", DataType.INTEGER, "Requests in flight to one host.")
                            .range(1, 16).defaultValue(1).build())
            .build();
    static final ArgSpec TIMEOUT = ArgSpec.of("timeout", DataType.INTEGER,
            "Work budget of the step in milliseconds; past it the step stops and reports what it has "
                    + "(a long crawl continues in a new invocation).")
            .range(1_000, 86_400_000).build();

    private static List<ArgSpec> crawlArgs(ArgSpec... own) {
        List<ArgSpec> all = new ArrayList<>(Arrays.asList(own));
        all.addAll(List.of(START_URL, MAX_DOWNLOADS, MAX_DEPTH, CONCURRENCY, POLITENESS, TIMEOUT));
        return all;
    }

    /** The common crawl args with this command's own defaults for maxDownloads and maxDepth. */
    private static List<ArgSpec> crawlArgs(CrawlLimits limits, ArgSpec... own) {
        return crawlArgs(own).stream().map(a -> switch (a.name()) {
            case "maxDownloads" -> withDefault(a, limits.maxDownloads());
            case "maxDepth" -> limits.maxDepth() == null ? a : withDefault(a, limits.maxDepth());
            default -> a;
        }).toList();
    }

    /** Default limits of one crawling command; no maxDepth default for commands that follow no links. */
    private record CrawlLimits(int maxDownloads, Integer maxDepth) {
    }

    private static ArgSpec withDefault(ArgSpec a, Object value) {
        return new ArgSpec(a.name(), a.type(), a.required(), Optional.of(ArgSpec.Json.MAPPER.valueToTree(value)), a.min(),
                a.max(), a.format(), a.description(), a.fields());
    }

    /** Structure crawls (hub finding, site exploration): navigation and listings, few stories. */
    private static final CrawlLimits STRUCTURE_LIMITS = new CrawlLimits(500, 4);

    private static List<ResultField> crawlResults(ResultField... own) {
        List<ResultField> all = new ArrayList<>(Arrays.asList(own));
        all.addAll(ResultTypes.CRAWL_FIELDS);
        return all;
    }

    private static ArgSpec country(String description) {
        return ArgSpec.of("country", DataType.STRING, description).format(ArgFormat.ISO_COUNTRY).build();
    }

    private static ArgSpec minConfidence(double dflt) {
        return ArgSpec.of("minConfidence", DataType.NUMBER, "Hubs scored below this are not reported.")
                .range(0, 1).defaultValue(dflt).build();
    }

    private static final ArgSpec HUB_URL = ArgSpec.of("hubUrl", DataType.STRING,
            "The hub page whose pagination is explored. Defaults to startUrl.").format(ArgFormat.URL).build();
    private static final ArgSpec MAX_PAGES = ArgSpec.of("maxPages", DataType.INTEGER,
            "Archive pages to fetch at most per hub.").range(1, 100_000).defaultValue(50).build();

    private static Optional<LambdaSettings> lambda(String command, int memoryMb, int timeoutSeconds) {
        String logicalId = Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Function";
        return Optional.of(new LambdaSettings(logicalId, memoryMb, timeoutSeconds));
    }

    private static final ResultField HUB_COUNT = of("hubCount", DataType.INTEGER, "Hubs reported.");
    private static final ResultField HUBS = cappedList("hubs", ResultTypes.HUB, "The hubs, best first.");
    private static final ResultField ARTICLES_FOUND = of("articlesFound", DataType.INTEGER, "Distinct article URLs found.");
    private static final ResultField ARTICLES = cappedList("articles", ResultTypes.ARTICLE, "Article records.");

    static List<CommandSpec> all() {
        return List.of(
                new CommandSpec("ensureCountryHubs",
                        "Find and verify the site's country hub pages.",
                        "Discovers country hubs (/world/france, /us-news, /world/europe/france) from the site's "
                                + "navigation, link structure and sitemaps, matches them to ISO 3166 codes through the "
                                + "gazetteer, verifies each by fetching it, and records them with a confidence.",
                        crawlArgs(STRUCTURE_LIMITS,
                                ArgSpec.of("countries", ISO_LIST,
                                        "Only these ISO codes (default: every country in the gazetteer).")
                                        .format(ArgFormat.ISO_COUNTRY).build(),
                                minConfidence(0.6),
                                ArgSpec.of("verify", DataType.BOOLEAN, "Fetch each candidate to confirm it is a hub.")
                                        .defaultValue(true).build()),
                        crawlResults(HUB_COUNT,
                                of("verified", DataType.INTEGER, "Hubs confirmed by fetching them."),
                                cappedList("missing", DataType.STRING,
                                        "ISO codes of requested countries without a hub (only when countries is given)."),
                                HUBS),
                        lambda("ensureCountryHubs", 1024, 900), true),

                new CommandSpec("exploreCountryHubs",
                        "Visit known country hubs, follow pagination, collect articles.",
                        "Visits the country hubs recorded by ensureCountryHubs, follows their pagination, collects "
                                + "article links and, unless structureOnly, fetches the articles and records their metadata.",
                        crawlArgs(
                                country("Only the hub of this country (default: all known country hubs)."),
                                ArgSpec.of("limit", DataType.INTEGER, "Articles to collect at most.")
                                        .range(1, 1_000_000).defaultValue(100).build(),
                                ArgSpec.of("structureOnly", DataType.BOOLEAN,
                                        "Collect links without fetching the articles.").defaultValue(false).build()),
                        crawlResults(of("hubsVisited", DataType.INTEGER, "Country hubs visited."),
                                ARTICLES_FOUND, ARTICLES),
                        lambda("exploreCountryHubs", 1024, 900), true),

                new CommandSpec("findTopicHubs",
                        "Find section and topic hubs (/politics, /technology).",
                        "Finds section/topic hubs from navigation and URL structure, scores each with named "
                                + "signals and reports those at or above minConfidence.",
                        crawlArgs(STRUCTURE_LIMITS, minConfidence(0.6),
                                ArgSpec.of("topics", DataType.arrayOf(DataType.STRING),
                                        "Topic names to look for in addition to those the site's structure shows.").build()),
                        crawlResults(HUB_COUNT, HUBS),
                        lambda("findTopicHubs", 1024, 900), true),

                new CommandSpec("ensurePlaceHubs",
                        "Find region and city hubs below country level.",
                        "Finds hubs for first-level regions and cities of 100k+ people (gazetteer) from the site's "
                                + "own structure (/uk/london, /australia-news/sydney), resolving each to a gazetteer entry.",
                        crawlArgs(
                                country("Only places in this country (default: countries with a known hub)."),
                                ArgSpec.of("kinds", DataType.arrayOf(DataType.enumOf("region", "city")),
                                        "Which place kinds to look for.").defaultValue(List.of("region", "city")).build(),
                                minConfidence(0.6)),
                        crawlResults(HUB_COUNT,
                                of("regionCount", DataType.INTEGER, "Region hubs reported."),
                                of("cityCount", DataType.INTEGER, "City hubs reported."),
                                HUBS),
                        lambda("ensurePlaceHubs", 1024, 900), true),

                new CommandSpec("findPlaceAndTopicHubs",
                        "Find combined place and topic hubs (/uk/politics).",
                        "Finds hubs that combine a place and a topic, such as /uk/politics or /world/europe/business.",
                        crawlArgs(country("Only places in this country."), minConfidence(0.6)),
                        crawlResults(HUB_COUNT, HUBS),
                        lambda("findPlaceAndTopicHubs", 1024, 900), true),

                new CommandSpec("guessPlaceHubs",
                        "Predict hub URLs for places not yet found and verify them over HTTP.",
                        "Learns the site's URL patterns from verified hubs (e.g. /world/{slug} seen for 20 countries), "
                                + "predicts URLs for places without a hub, verifies them (HEAD then GET, soft-404 "
                                + "detection) and, with apply, records accepted hubs.",
                        crawlArgs(
                                ArgSpec.of("kinds", DataType.arrayOf(DataType.enumOf("country", "region", "city")),
                                        "Place kinds to guess.").defaultValue(List.of("country", "region", "city")).build(),
                                ArgSpec.of("limit", DataType.INTEGER, "Guesses to verify at most.")
                                        .range(1, 100_000).defaultValue(50).build(),
                                minConfidence(0.7),
                                ArgSpec.of("apply", DataType.BOOLEAN, "Record accepted guesses as hubs.")
                                        .defaultValue(false).build(),
                                country("Only places in this country.")),
                        crawlResults(of("attempts", DataType.INTEGER, "URLs tried."),
                                of("hits", DataType.INTEGER, "Guesses verified as hubs."),
                                of("misses", DataType.INTEGER, "Guesses rejected (404, soft 404, redirect away)."),
                                cappedList("patterns", ResultTypes.URL_PATTERN, "URL patterns learned, most supported first."),
                                HUB_COUNT, HUBS),
                        lambda("guessPlaceHubs", 1024, 900), true),

                new CommandSpec("siteExplorer",
                        "Map the site's structure (sections, navigation, hubs) without articles.",
                        "Crawls navigation and listing pages to map sections and hubs; article pages are recognised "
                                + "but not followed.",
                        crawlArgs(STRUCTURE_LIMITS),
                        crawlResults(cappedList("sections", ResultTypes.SECTION, "Top-level sections from navigation."),
                                HUB_COUNT, HUBS),
                        lambda("siteExplorer", 1024, 900), true),

                new CommandSpec("sitemapDiscovery",
                        "Find the site's sitemaps (robots.txt, /sitemap.xml, indexes, news sitemaps).",
                        "Reads robots.txt Sitemap lines and /sitemap.xml, expands sitemap indexes (gzip included, "
                                + "three levels) within caps and counts the URLs they list; maxDownloads caps the "
                                + "sitemap files fetched.",
                        crawlArgs(new CrawlLimits(200, null), ArgSpec.of("maxUrls", DataType.INTEGER, "Sitemap URLs to read at most.")
                                .range(1, 10_000_000).defaultValue(50_000).build()),
                        crawlResults(cappedList("sitemaps", DataType.STRING, "Sitemap URLs found."),
                                of("sitemapCount", DataType.INTEGER, "Sitemaps read."),
                                of("urlCount", DataType.INTEGER, "Page URLs listed."),
                                of("newsUrlCount", DataType.INTEGER, "URLs listed in news sitemaps.")),
                        lambda("sitemapDiscovery", 512, 300), true),

                new CommandSpec("sitemapOnly",
                        "Crawl articles listed in the sitemaps only.",
                        "Like sitemapDiscovery, then fetches the listed pages (newest first, up to maxDownloads) and "
                                + "records the articles among them, without following links.",
                        crawlArgs(new CrawlLimits(500, null), ArgSpec.of("maxUrls", DataType.INTEGER, "Sitemap URLs to read at most.")
                                        .range(1, 10_000_000).defaultValue(50_000).build(),
                                ArgSpec.of("fetchArticles", DataType.BOOLEAN, "Fetch the listed pages.")
                                        .defaultValue(true).build()),
                        crawlResults(cappedList("sitemaps", DataType.STRING, "Sitemap URLs read."),
                                of("urlCount", DataType.INTEGER, "Page URLs listed."),
                                ARTICLES_FOUND, ARTICLES),
                        lambda("sitemapOnly", 1024, 900), true),

                new CommandSpec("basicArticleCrawl",
                        "Breadth-first article crawl within limits.",
                        "Crawls the site breadth-first from startUrl within maxDepth and maxDownloads, recording the "
                                + "articles it recognises.",
                        crawlArgs(new CrawlLimits(200, 3), ArgSpec.of("allowHosts", DataType.arrayOf(DataType.STRING),
                                "Hosts outside the start site the crawl may also follow.").build()),
                        crawlResults(ARTICLES_FOUND, ARTICLES),
                        lambda("basicArticleCrawl", 1536, 900), true),

                new CommandSpec("hubDepthProbe",
                        "Find how deep a hub's pagination goes.",
                        "Probes ?page=N, /page/N and 'older' links by doubling then binary search, with loop and "
                                + "soft-404 detection.",
                        crawlArgs(HUB_URL, ArgSpec.of("maxPage", DataType.INTEGER, "Deepest page number to probe.")
                                .range(1, 1_000_000).defaultValue(10_000).build()),
                        crawlResults(of("hubUrl", DataType.STRING, "The hub probed."),
                                of("depth", DataType.INTEGER, "Last page number that has content."),
                                of("paginationStyle", DataType.enumOf("query", "path", "olderLink", "none"),
                                        "How the hub paginates."),
                                of("pagesProbed", DataType.INTEGER, "Pages fetched to find the depth."),
                                of("loopDetected", DataType.BOOLEAN, "Pagination led back to a page already seen.")),
                        lambda("hubDepthProbe", 512, 900), true),

                new CommandSpec("hubArchiveCrawl",
                        "Crawl a hub's archive pages within limits.",
                        "Walks a hub's pagination (style found as hubDepthProbe does) and collects the articles "
                                + "listed on archive pages.",
                        crawlArgs(HUB_URL, MAX_PAGES, ArgSpec.of("fetchArticles", DataType.BOOLEAN,
                                "Also fetch the articles found.").defaultValue(false).build()),
                        crawlResults(of("hubUrl", DataType.STRING, "The hub crawled."),
                                of("depth", DataType.INTEGER, "Archive pages walked."),
                                ARTICLES_FOUND, ARTICLES),
                        lambda("hubArchiveCrawl", 1024, 900), true),

                new CommandSpec("crawlCountryHubHistory",
                        "Crawl the archive of one country hub.",
                        "hubArchiveCrawl applied to the known hub of one country.",
                        crawlArgs(ArgSpec.of("country", DataType.STRING, "ISO code of the country.")
                                .format(ArgFormat.ISO_COUNTRY).required().build(), MAX_PAGES),
                        crawlResults(of("country", DataType.STRING, "ISO code crawled."),
                                of("hubUrl", DataType.STRING, "The country's hub."),
                                of("depth", DataType.INTEGER, "Archive pages walked."),
                                ARTICLES_FOUND, ARTICLES),
                        lambda("crawlCountryHubHistory", 1024, 900), true),

                new CommandSpec("crawlCountryHubsHistory",
                        "Crawl the archives of several country hubs.",
                        "hubArchiveCrawl applied to up to hubLimit known country hubs, most confident first.",
                        crawlArgs(ArgSpec.of("hubLimit", DataType.INTEGER, "Country hubs to crawl at most.")
                                .range(1, 1000).defaultValue(10).build(),
                                ArgSpec.of("maxPages", DataType.INTEGER, "Archive pages per hub at most.")
                                        .range(1, 100_000).defaultValue(20).build()),
                        crawlResults(of("hubsCrawled", DataType.INTEGER, "Hubs whose archive was walked."),
                                ARTICLES_FOUND, ARTICLES),
                        lambda("crawlCountryHubsHistory", 1024, 900), true),

                new CommandSpec("logWarning",
                        "Record a warning in the run.",
                        "Adds a warning to the run's output and history. Compiled to a Pass state: it needs no Lambda.",
                        List.of(ArgSpec.of("message", DataType.STRING, "The warning text.").required().build()),
                        List.of(of("message", DataType.STRING, "The warning text.")),
                        Optional.empty(), false),

                new CommandSpec("runScript",
                        "Run an AI-generated scraping script in the isolated script runner.",
                        "Runs a JavaScript scraping script (scrapeData(url)) in the sandboxed GraalJS runner with "
                                + "its own time and memory limits, over each source in order.",
                        List.of(ArgSpec.of("script", DataType.STRING, "Script path (local runs) or S3 key.")
                                        .format(ArgFormat.SCRIPT_LOCATION).required().build(),
                                ArgSpec.of("sources", DataType.arrayOf(DataType.STRING),
                                        "URLs passed to scrapeData in order (default: the script's DEFAULT_URLS, "
                                                + "else startUrl).").build(),
                                ArgSpec.of("timeoutMs", DataType.INTEGER, "Wall-clock limit per source.")
                                        .range(100, 840_000).defaultValue(30_000).build(),
                                ArgSpec.of("memoryMb", DataType.INTEGER, "Heap limit of the script's JVM.")
                                        .range(32, 2048).defaultValue(256).build(),
                                START_URL),
                        List.of(of("recordCount", DataType.INTEGER, "Records returned after de-duplication."),
                                cappedList("data", DataType.ANY, "The records, each tagged with its source."),
                                cappedList("sourceResults", ResultTypes.object("SourceResult", true,
                                        "source", DataType.STRING, "records", DataType.INTEGER,
                                        "success", DataType.BOOLEAN), "Per-source outcome."),
                                cappedList("errors", ResultTypes.object("ScriptError", true,
                                        "type", DataType.STRING, "message", DataType.STRING), "Typed script errors.")),
                        lambda("runScript", 512, 900), false));
    }
}
