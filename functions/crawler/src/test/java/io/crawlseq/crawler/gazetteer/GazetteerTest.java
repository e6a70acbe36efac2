package io.crawlseq.crawler.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.standard();

    private String best(String segment, SlugContext context) {
        return gazetteer.resolve(segment, context).best().map(m -> m.place().placeId()).orElse("none");
    }

    @Test
    void load_readsEveryFile() {
        assertThat(gazetteer.countries()).hasSize(250);
        assertThat(gazetteer.admin1("US")).hasSizeGreaterThanOrEqualTo(50);
        assertThat(gazetteer.cities("GB")).extracting(Place.City::name).contains("London", "Manchester");
        assertThat(gazetteer.worldRegions()).extracting(Place.WorldRegion::id)
                .contains("continent:EU", "m49:419", "curated:middle-east", "curated:asia-pacific");
        assertThat(gazetteer.country("fr").orElseThrow().iso3()).isEqualTo("FRA");
        assertThat(Gazetteer.loadTime()).isPositive();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "france, country:FR",
            "us-news, country:US",
            "uk-news, country:GB",
            "australia-news, country:AU",
            "uk, country:GB",
            "us, country:US",
            "usa, country:US",
            "america, country:US",
            "united-states, country:US",
            "south-korea, country:KR",
            "czechia, country:CZ",
            "czech-republic, country:CZ",
            "cote-divoire, country:CI",
            "bosnia-herzegovina, country:BA",
            "gambia, country:GM",
            "holland, country:NL",
            "South_Korea.html, country:KR",
            "europe, region:continent:EU",
            "middle-east, region:curated:middle-east",
            "asia-pacific, region:curated:asia-pacific",
            "latin-america, region:m49:419",
            "us-canada, region:compound:US+CA",
            "us_and_canada, region:compound:US+CA",
            "middleeast, region:curated:middle-east",
            "world, none",
            "politics, none",
            "climate-crisis, none",
    })
    void resolve_findsTheMeantPlace(String segment, String expected) {
        assertThat(best(segment, SlugContext.none())).isEqualTo(expected);
    }

    @Test
    void resolve_twoLetterCodesOnlyWhenAllowed() {
        assertThat(best("fr", SlugContext.none())).isEqualTo("none");
        assertThat(best("fr", SlugContext.none().withCodes(true))).isEqualTo("country:FR");
        assertThat(best("in", SlugContext.none())).isEqualTo("none");
    }

    @Test
    void resolve_georgiaIsTheCountryAloneAndTheStateUnderTheUs() {
        Place us = gazetteer.country("US").orElseThrow();
        Place asia = gazetteer.place("region:continent:AS").orElseThrow();

        assertThat(best("georgia", SlugContext.none())).isEqualTo("country:GE");
        assertThat(best("georgia", SlugContext.none().withParents(List.of(us)))).isEqualTo("admin1:US.GA");
        assertThat(best("georgia", SlugContext.none().withParents(List.of(asia)))).isEqualTo("country:GE");
        assertThat(gazetteer.resolve("georgia", SlugContext.none()).candidates()).extracting(m -> m.place().placeId())
                .contains("country:GE", "admin1:US.GA");
    }

    @Test
    void resolve_victoriaFollowsItsCountry() {
        Place au = gazetteer.country("AU").orElseThrow();
        Place ca = gazetteer.country("CA").orElseThrow();

        String inAustralia = best("victoria", SlugContext.none().withParents(List.of(au)));
        String inCanada = best("victoria", SlugContext.none().withParents(List.of(ca)));

        assertThat(gazetteer.place(inAustralia).orElseThrow().iso2()).isEqualTo("AU");
        assertThat(gazetteer.place(inCanada).orElseThrow().iso2()).isEqualTo("CA");
    }

    @Test
    void resolve_jordanIsTheCountryUnlessCitiesAreExpected() {
        assertThat(best("jordan", SlugContext.none())).isEqualTo("country:JO");
    }

    @Test
    void resolve_coversAdmin1AndCities() {
        Place gb = gazetteer.country("GB").orElseThrow();
        Place au = gazetteer.country("AU").orElseThrow();

        assertThat(gazetteer.place(best("london", SlugContext.none().withParents(List.of(gb)))).orElseThrow().name())
                .isEqualTo("London");
        assertThat(gazetteer.place(best("sydney", SlugContext.none().withParents(List.of(au))
                .expecting(Set.of(PlaceKind.CITY)))).orElseThrow())
                .isInstanceOfSatisfying(Place.City.class, c -> assertThat(c.iso2()).isEqualTo("AU"));
        assertThat(best("new-south-wales", SlugContext.none())).startsWith("admin1:AU.");
    }

    @Test
    void slugs_coverTheFormsSitesUse() {
        assertThat(Slugs.variants("Côte d'Ivoire")).contains("cote-divoire", "cote-d-ivoire");
        assertThat(Slugs.variants("Saint Lucia")).contains("saint-lucia", "st-lucia");
        assertThat(Slugs.variants("Trinidad and Tobago")).contains("trinidad-and-tobago", "trinidad-tobago");
        assertThat(Slugs.fromPathSegment("S%C3%A3o_Paulo")).isEqualTo("sao-paulo");
    }
}
