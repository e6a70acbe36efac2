package io.crawlseq.crawler.guess;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.hubs.HubKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Patterns and slug styles learned from a handful of verified hubs. */
class PatternLearnerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.standard();
    private static final String SITE = "https://news.example";

    private static KnownHub country(String path, String iso2) {
        return new KnownHub(SITE + path, HubKind.COUNTRY, "country:" + iso2, iso2, 0.95, true);
    }

    private static KnownHub place(String path, HubKind kind, String iso2, String placeId) {
        return new KnownHub(SITE + path, kind, placeId, iso2, 0.95, true);
    }

    private static List<String> texts(List<LearnedPattern> patterns) {
        return patterns.stream().map(p -> p.text() + " " + p.support()).toList();
    }

    @Test
    void kebabSlugs_underOneSection_makeOnePattern() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(country("/world/france", "FR"),
                country("/world/south-korea", "KR"), country("/world/new-zealand", "NZ")));

        assertThat(texts(patterns)).containsExactly("/world/{name-kebab} 3");
        assertThat(patterns.get(0).kind()).isEqualTo(HubKind.COUNTRY);
    }

    @Test
    void multiWordNames_tellJoinedFromKebab() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(country("/news/france", "FR"),
                country("/news/southkorea", "KR"), country("/news/newzealand", "NZ"), country("/news/germany", "DE")));

        assertThat(patterns.get(0).bestStyle()).isEqualTo(new SlugStyle(SlugStyle.Source.NAME, "", false));
        assertThat(patterns.get(0).text()).isEqualTo("/news/{name-joined}");
    }

    @Test
    void invertedNames_areLearnt() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(country("/c/korea-south", "KR"),
                country("/c/africa-south", "ZA"), country("/c/france", "FR")));

        assertThat(patterns.get(0).text()).isEqualTo("/c/{name-kebab-inverted}");
    }

    @Test
    void decoratedSegments_keepTheirDecoration_andCodesAndOtherNamesExplainTheRest() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(country("/uk-news", "GB"),
                country("/us-news", "US"), country("/australia-news", "AU"), country("/india-news", "IN")));

        assertThat(texts(patterns)).containsExactly("/{name-kebab}-news 4");
        assertThat(patterns.get(0).styles()).extracting(LearnedPattern.StyleSupport::style)
                .contains(SlugStyle.KEBAB, new SlugStyle(SlugStyle.Source.ISO2, "", false));
    }

    @Test
    void countriesUnderRegionSegments_generaliseToTheRegion() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(
                country("/world/europe/france", "FR"), country("/world/europe/germany", "DE"),
                country("/world/asia/japan", "JP"), country("/world/asia/china", "CN")));

        assertThat(texts(patterns)).first().isEqualTo("/world/{region}/{name-kebab} 4");
        assertThat(patterns.get(0).regions()).extracting(LearnedPattern.RegionSlug::slug).containsExactlyInAnyOrder("europe", "asia");
        assertThat(texts(patterns)).contains("/world/europe/{name-kebab} 2", "/world/asia/{name-kebab} 2");
    }

    @Test
    void citiesUnderTheirCountrysHub_generaliseAcrossCountries() {
        List<KnownHub> hubs = List.of(country("/uk", "GB"), country("/australia-news", "AU"),
                place("/uk/london", HubKind.CITY, "GB", "city:2643743"),
                place("/uk/manchester", HubKind.CITY, "GB", "city:2643123"),
                place("/australia-news/sydney", HubKind.CITY, "AU", "city:2147714"));

        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(hubs);

        assertThat(texts(patterns)).contains("{countryHub}/{name-kebab} 3", "/uk/{name-kebab} 2");
        LearnedPattern uk = patterns.stream().filter(p -> p.text().startsWith("/uk/")).findFirst().orElseThrow();
        assertThat(uk.scopeIso2()).isEqualTo("GB");
        assertThat(uk.kind()).isEqualTo(HubKind.CITY);
    }

    @Test
    void aPatternSeenOnce_isNotLearnt() {
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(List.of(country("/world/france", "FR"),
                country("/germany-news", "DE")));

        assertThat(patterns).isEmpty();
    }

    @Test
    void planner_guessesThePlacesWithoutAHub_mostPopulousFirst_kindsTakingTurns() {
        List<KnownHub> known = new ArrayList<>(List.of(country("/world/france", "FR"), country("/world/south-korea", "KR"),
                country("/world/china", "CN"), country("/us-news", "US"),
                place("/us-news/texas", HubKind.REGION, "US", "admin1:US.TX"),
                place("/us-news/chicago", HubKind.CITY, "US", "city:4887398")));
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(known);

        List<GuessPlanner.Guess> plan = new GuessPlanner(GAZETTEER).plan(patterns, known, SITE,
                Set.of(HubKind.COUNTRY, HubKind.CITY), null, 6);

        assertThat(plan).extracting(g -> g.url().substring(SITE.length())).containsExactly(
                "/world/india", "/us-news/new-york-city", "/world/indonesia", "/us-news/los-angeles", "/world/pakistan",
                "/us-news/brooklyn");
    }

    @Test
    void planner_withACountry_guessesOnlyItsPlaces() {
        List<KnownHub> known = List.of(country("/uk", "GB"), country("/us-news", "US"),
                place("/uk/london", HubKind.CITY, "GB", "city:2643743"),
                place("/us-news/chicago", HubKind.CITY, "US", "city:4887398"));
        List<LearnedPattern> patterns = new PatternLearner(GAZETTEER).learn(known);

        List<GuessPlanner.Guess> plan = new GuessPlanner(GAZETTEER).plan(patterns, known, SITE, Set.of(HubKind.CITY), "GB", 3);

        assertThat(plan).extracting(GuessPlanner.Guess::iso2).containsOnly("GB");
        assertThat(plan).extracting(g -> g.url().substring(SITE.length())).containsExactly(
                "/uk/birmingham", "/uk/glasgow", "/uk/manchester");
    }
}
