package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import io.crawlseq.crawler.testing.sites.FixtureSite.ExpectedHub;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.crawler.testing.sites.PlaceSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example sequence of {@code sequences/} run as a user would ({@code crawl-sequence run FILE
 * --start-url ...}) with the real command handlers against a fixture news site on loopback, the
 * results checked against the site's ground truth. Only {@code ai-script-extraction.yaml}, whose
 * script sources are fixed internet URLs, has its script step scripted. ({@code logWarning} is a
 * Pass state, not a Lambda task: it shows in the run's warnings, not among its steps.)
 */
class ExampleSequencesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEQUENCES = Path.of(System.getProperty("crawlseq.repo.dir", "../..")).resolve("sequences");

    @TempDir
    Path dir;

    private static JsonNode run(String sequence, LoopbackServer server, String startPath, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", SEQUENCES.resolve(sequence).toString(), "--start-url",
                server.url(startPath), "--allow-host", server.hostPort(), "--json", "--no-progress"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        return report;
    }

    private static List<String> commands(JsonNode report) {
        return StreamSupport.stream(report.path("steps").spliterator(), false).map(s -> s.path("command").asText()).toList();
    }

    private static List<JsonNode> stepsOf(JsonNode report, String command) {
        return StreamSupport.stream(report.path("steps").spliterator(), false)
                .filter(s -> s.path("command").asText().equals(command)).toList();
    }

    private static Set<String> paths(JsonNode hubs, LoopbackServer server) {
        Set<String> paths = new TreeSet<>();
        hubs.forEach(h -> paths.add(h.path("url").asText().substring(server.baseUrl().length())));
        return paths;
    }

    private static Set<String> expectedPaths(FixtureSite site, String iso2, HubKind... kinds) {
        Set<HubKind> wanted = Set.of(kinds);
        return site.expected().stream().filter(h -> wanted.contains(h.kind()))
                .filter(h -> iso2 == null || iso2.equals(h.iso2())).map(ExpectedHub::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple-us-exploration.json", "simple-us-exploration.yaml", "simple-us-exploration-with-timeout.json"})
    void simpleUsExploration_findsTheCountryHubs_exploresTheUsHub_andFindsTheTopicHubs(String sequence) throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run(sequence, server, "/");

            assertThat(commands(report).stream().distinct()).containsExactly("ensureCountryHubs", "exploreCountryHubs", "findTopicHubs");
            JsonNode results = report.at("/output/results");
            assertThat(paths(results.at("/step1/hubs"), server)).isEqualTo(expectedPaths(site, null, HubKind.COUNTRY));
            JsonNode explored = results.path("step2");
            assertThat(explored.path("status").asText()).isEqualTo("success");
            assertThat(explored.path("articlesFound").asInt()).isPositive();
            assertThat(explored.path("articles")).allSatisfy(a -> assertThat(a.path("hubUrl").asText()).isEqualTo(server.url("/us-news")));
            assertThat(paths(results.at("/step3/hubs"), server)).isEqualTo(expectedPaths(site, null, HubKind.TOPIC));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conditional-topic-discovery.json", "conditional-topic-discovery.yaml"})
    void conditionalTopicDiscovery_warnsInsteadOfLookingForTopics_whenTheUsHasTenPlaceHubsOrFewer(String sequence) throws Exception {
        FixtureSite site = PlaceSites.regional();
        Set<String> usPlaces = expectedPaths(site, "US", HubKind.REGION, HubKind.CITY);
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run(sequence, server, "/");

            assertThat(paths(report.at("/output/results/step1/hubs"), server)).isEqualTo(usPlaces);
            assertThat(usPlaces).hasSizeLessThanOrEqualTo(10);
            assertThat(commands(report)).containsExactly("ensurePlaceHubs");
            assertThat(RunReportWarnings.of(report)).containsExactly("Insufficient hubs found, skipping topic discovery");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"g7-place-hubs.json", "g7-place-hubs.yaml", "g7-place-hubs-declared.yaml"})
    void g7PlaceHubs_findEachCountrysRegionsAndCities_asTheSiteHasThem(String sequence) throws Exception {
        FixtureSite site = PlaceSites.regional();
        String g7 = "[{\"code\":\"US\"},{\"code\":\"CA\"},{\"code\":\"GB\"},{\"code\":\"FR\"},{\"code\":\"DE\"},"
                + "{\"code\":\"IT\"},{\"code\":\"JP\"}]";
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run(sequence, server, "/", "--context", "g7_countries=" + g7);

            List<JsonNode> perCountry = stepsOf(report, "ensurePlaceHubs");
            assertThat(perCountry).extracting(s -> s.at("/args/country").asText())
                    .containsExactly("US", "CA", "GB", "FR", "DE", "IT", "JP");
            for (JsonNode step : perCountry) {
                String country = step.at("/args/country").asText();
                assertThat(paths(step.at("/result/hubs"), server)).as(country)
                        .isEqualTo(expectedPaths(site, country, HubKind.REGION, HubKind.CITY));
            }
            assertThat(commands(report)).last().isEqualTo("findTopicHubs");
        }
    }

    @Test
    void hubArchiveHistory_learnsTheHubPattern_recordsUnlinkedHubs_andCrawlsTheirArchives() throws Exception {
        FixtureSite site = GuessSites.worldwide();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run("hub-archive-history.yml", server, "/");

            JsonNode results = report.at("/output/results");
            Set<String> linked = paths(results.at("/hubs/hubs"), server);
            assertThat(linked).isEqualTo(expectedPaths(site, null, HubKind.COUNTRY).stream()
                    .filter(p -> !site.hiddenPaths().contains(p)).collect(Collectors.toCollection(TreeSet::new)));
            JsonNode guessed = results.path("step2");
            assertThat(guessed.at("/patterns/0/pattern").asText()).isEqualTo("/world/{name-kebab}");
            assertThat(paths(guessed.path("hubs"), server)).isNotEmpty().isSubsetOf(site.hiddenPaths()).contains("/world/india");
            assertThat(results.at("/step3/hubsCrawled").asInt()).isEqualTo(5);
            JsonNode india = results.path("step4");
            assertThat(india.path("hubUrl").asText()).isEqualTo(server.url("/world/india"));
            assertThat(india.path("articlesFound").asInt()).isPositive();
            assertThat(india.path("articles")).allSatisfy(a -> assertThat(a.path("url").asText()).startsWith(server.url("/world/india/")));
        }
    }

    @Test
    void newsSiteSurvey_probesAndCrawlsTheArchiveOfEveryCountryHub() throws Exception {
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run("news-site-survey.yaml", server, "/");

            JsonNode results = report.at("/output/results");
            Set<String> hubs = paths(results.at("/countryHubs/hubs"), server);
            assertThat(hubs).containsExactlyInAnyOrder("/australia-news", "/uk-news", "/us-news", "/world/france", "/world/germany");
            assertThat(stepsOf(report, "hubDepthProbe")).extracting(s -> s.at("/args/hubUrl").asText().substring(server.baseUrl().length()))
                    .containsExactlyInAnyOrderElementsOf(hubs);
            assertThat(stepsOf(report, "hubDepthProbe")).allSatisfy(s -> assertThat(s.at("/result/depth").asInt()).isPositive());
            assertThat(stepsOf(report, "hubArchiveCrawl")).hasSize(hubs.size()).allSatisfy(s -> {
                assertThat(s.path("status").asText()).isEqualTo("success");
                assertThat(s.at("/result/articlesFound").asInt()).isPositive();
            });
            assertThat(results.at("/sitemaps/newsUrlCount").asInt()).isPositive();
            assertThat(results.at("/topics/hubCount").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(RunReportWarnings.of(report)).isEmpty();
        }
    }

    @Test
    void sectionHeadlines_runsTheExampleScriptInTheSandbox_overTheSection() throws Exception {
        try (LoopbackServer server = FixtureServer.serve(FixtureSites.guardianLike())) {
            JsonNode report = run("section-headlines.yaml", server, "/world");

            JsonNode headlines = report.at("/output/results/headlines");
            assertThat(headlines.path("status").asText()).isEqualTo("success");
            assertThat(headlines.path("recordCount").asInt()).isPositive();
            assertThat(headlines.path("data")).allSatisfy(r -> {
                assertThat(r.path("url").asText()).startsWith(server.baseUrl());
                assertThat(r.path("headline").asText()).isNotBlank();
            });
            assertThat(RunReportWarnings.of(report)).isEmpty();
        }
    }

    @Test
    void aiScriptExtraction_mapsTheSite_andWarnsWhenTheScriptFindsNothing() throws Exception {
        Path mocks = dir.resolve("mocks.json");
        Files.writeString(mocks, "{\"extraction\": [{\"recordCount\": 0, \"data\": []}]}");
        FixtureSite site = FixtureSites.guardianLike();
        try (LoopbackServer server = FixtureServer.serve(site)) {
            JsonNode report = run("ai-script-extraction.yaml", server, "/", "--mock-results", mocks.toString());

            assertThat(commands(report)).containsExactly("siteExplorer", "runScript");
            assertThat(report.at("/output/results/step1/hubCount").asInt()).isPositive();
            assertThat(RunReportWarnings.of(report)).containsExactly("The script returned no records (success)");
        }
    }
}
