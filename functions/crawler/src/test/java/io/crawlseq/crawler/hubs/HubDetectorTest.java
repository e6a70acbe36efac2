package io.crawlseq.crawler.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.page.PageAnalyzer;
import io.crawlseq.crawler.url.UrlParser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detector's classification and negatives on small hand-written pages. */
class HubDetectorTest {

    private static final String BASE = "https://news.example";
    private final PageAnalyzer analyzer = new PageAnalyzer();
    private HubDetector detector;

    @BeforeEach
    void create() {
        detector = new HubDetector(UrlParser.parse(BASE + "/").orElseThrow());
    }

    private static String listing(String heading) {
        StringBuilder sb = new StringBuilder("<title>" + heading + " | News</title><h1>" + heading + "</h1><main><section>");
        for (int i = 0; i < 10; i++) {
            sb.append("<article class=\"card\"><h3><a href=\"/world/2024/may/1").append(i)
                    .append("/some-story-about-things\">Story ").append(i).append(" headline text</a></h3></article>");
        }
        return sb.append("</section><a rel=\"next\" href=\"?page=2\">Next</a></main>").toString();
    }

    private void page(String path, String html) {
        detector.addPage(analyzer.analyze(BASE + path, html));
    }

    private void home(String nav) {
        page("/", "<header><nav>" + nav + "</nav></header><main><p>home</p></main>"
                + "<footer><a href=\"/about\">About us</a><a href=\"/crosswords\">Crosswords</a></footer>");
    }

    private Hub hub(String path) {
        return detector.assess(BASE + path).orElseThrow();
    }

    @Test
    void countryHub_fromNavigationAndListingIsConfidentAndVerified() {
        home("<a href=\"/world/france\">France</a>");
        page("/world/france", listing("France"));

        Hub france = hub("/world/france");

        assertThat(france.kind()).isEqualTo(HubKind.COUNTRY);
        assertThat(france.iso2()).isEqualTo("FR");
        assertThat(france.placeId()).isEqualTo("country:FR");
        assertThat(france.verified()).isTrue();
        assertThat(france.confidence()).isGreaterThan(0.9);
        assertThat(france.evidence()).extracting(Evidence::signal).contains("UrlSlugMatchesPlace", "LinkedFromNavigation",
                "ManyDistinctArticleLinks", "HasPagination", "TitleNamesPlace");
    }

    @Test
    void countryLinkNotYetFetchedIsReportedUnverified() {
        home("<a href=\"/us-news\">US</a>");

        Hub us = hub("/us-news");

        assertThat(us.iso2()).isEqualTo("US");
        assertThat(us.verified()).isFalse();
        assertThat(detector.unverified(Set.of(HubKind.COUNTRY), 0.3)).containsExactly(BASE + "/us-news");
    }

    @Test
    void storyWithACountryInItsPathIsNeverAHub() {
        home("<a href=\"/world/france-election-result-latest-news\">France election</a>");
        page("/world/france-election-result-latest-news", "<meta property=\"og:type\" content=\"article\"><h1>France votes</h1>");

        Hub story = hub("/world/france-election-result-latest-news");

        assertThat(story.confidence()).isLessThan(0.1);
        assertThat(story.evidence()).extracting(Evidence::signal).contains("LooksLikeArticle");
        assertThat(detector.isCandidateUrl(BASE + "/world/2024/may/12/france-election")).isFalse();
    }

    @Test
    void liveBlogLinkedFromNavigationIsNotAHub() {
        home("<a href=\"/world/live/election\">Live</a>");
        page("/world/live/election", listing("Election live"));

        assertThat(hub("/world/live/election").confidence()).isLessThan(0.1);
    }

    @Test
    void authorAndTagPagesGetTheirOwnKinds() {
        home("<a href=\"/profile/jane-doe\">Jane Doe</a><a href=\"/tag/france-election\">France election</a>");
        page("/profile/jane-doe", listing("Jane Doe"));
        page("/tag/france-election", listing("France election"));

        assertThat(hub("/profile/jane-doe").kind()).isEqualTo(HubKind.AUTHOR);
        assertThat(hub("/tag/france-election").kind()).isEqualTo(HubKind.TAG);
        assertThat(detector.hubs(0.6, Set.of(HubKind.COUNTRY, HubKind.TOPIC))).isEmpty();
        assertThat(detector.hubs(0.6, Set.of(HubKind.AUTHOR, HubKind.TAG))).hasSize(2);
    }

    @Test
    void searchLoginAndFooterLinksAreNotHubs() {
        home("<a href=\"/search\">Search</a><a href=\"/signin\">Sign in</a><a href=\"/finder\">Finder</a>");
        page("/finder", "<main><form><input type=\"search\" name=\"q\"></form>" + listing("Results") + "</main>");
        page("/crosswords", listing("Crosswords"));

        for (String path : new String[] {"/search", "/signin", "/finder", "/about", "/crosswords"}) {
            assertThat(hub(path).confidence()).as(path).isLessThan(0.6);
        }
        assertThat(hub("/crosswords").evidence()).extracting(Evidence::signal).contains("OnlyInFooter");
    }

    @Test
    void siteSpecificSectionIsFoundFromNavigationAndListing() {
        home("<a href=\"/the-filter\">The Filter</a><a href=\"/politics\">Politics</a>");
        page("/the-filter", listing("The Filter"));
        page("/politics", listing("Politics"));

        Hub filter = hub("/the-filter");

        assertThat(filter.kind()).isEqualTo(HubKind.TOPIC);
        assertThat(filter.topic()).isEqualTo("the-filter");
        assertThat(filter.name()).isEqualTo("The Filter");
        assertThat(filter.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(hub("/politics").topic()).isEqualTo("politics");
    }

    @Test
    void navigationLinkToANonListingPageIsNotATopic() {
        home("<a href=\"/weather\">Weather</a>");
        page("/weather", "<h1>Weather</h1><p>Sunny, 21°</p>");

        assertThat(hub("/weather").confidence()).isLessThan(0.6);
    }

    @Test
    void placesBelowCountryLevelAndPlaceTopicsAreRead() {
        home("<a href=\"/us-news/georgia\">Georgia</a><a href=\"/uk/politics\">UK politics</a>"
                + "<a href=\"/world/middle-east\">Middle East</a>");

        Hub georgia = hub("/us-news/georgia");
        Hub ukPolitics = hub("/uk/politics");
        Hub middleEast = hub("/world/middle-east");

        assertThat(georgia.kind()).isEqualTo(HubKind.REGION);
        assertThat(georgia.iso2()).isEqualTo("US");
        assertThat(georgia.placeId()).isEqualTo("admin1:US.GA");
        assertThat(ukPolitics.kind()).isEqualTo(HubKind.PLACE_TOPIC);
        assertThat(ukPolitics.iso2()).isEqualTo("GB");
        assertThat(ukPolitics.topic()).isEqualTo("politics");
        assertThat(middleEast.kind()).isEqualTo(HubKind.PLACE);
        assertThat(middleEast.placeId()).isEqualTo("region:curated:middle-east");
    }

    @Test
    void stateExportsAndRestoresToTheSameHubs() throws Exception {
        home("<a href=\"/world/france\">France</a><a href=\"/politics\">Politics</a>");
        page("/world/france", listing("France"));

        HubDetectorState state = HubDetectorState.fromJson(detector.exportState().toJson());
        HubDetector restored = HubDetector.restore(state);
        restored.addPage(analyzer.analyze(BASE + "/politics", listing("Politics")));
        detector.addPage(analyzer.analyze(BASE + "/politics", listing("Politics")));

        assertThat(restored.hubs(0.0)).isEqualTo(detector.hubs(0.0));
        assertThat(restored.candidateCount()).isEqualTo(detector.candidateCount());
    }

    @Test
    void addingTheSamePageTwiceDoesNotCountItsLinksTwice() {
        home("<a href=\"/world/france\">France</a>");
        home("<a href=\"/world/france\">France</a>");

        assertThat(detector.exportState().candidates()).filteredOn(c -> c.url().endsWith("/world/france"))
                .singleElement().satisfies(c -> assertThat(c.sources()).isEqualTo(1));
    }
}
