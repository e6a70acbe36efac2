package io.crawlseq.crawler.gazetteer;

import java.util.List;

/**
 * A gazetteer entry: a country, a first-level division, a city or a world region. {@link #placeId()}
 * is stable and readable: {@code country:FR}, {@code admin1:US.GA}, {@code city:2988507},
 * {@code region:continent:EU}, {@code region:m49:419}, {@code region:curated:middle-east},
 * {@code region:compound:US+CA}.
 */
public sealed interface Place permits Place.Country, Place.Admin1, Place.City, Place.WorldRegion {

    String placeId();

    String name();

    PlaceKind kind();

    /** ISO 3166-1 alpha-2 of the country the place is in (the country itself); "" for world regions. */
    String iso2();

    /** Population, 0 when unknown (used to rank otherwise equal candidates). */
    long population();

    /**
     * A country.
     *
     * @param altNames              alternative names from the sources and the curated aliases
     * @param continentCode         GeoNames continent code (EU, AS, ...)
     * @param unRegion              UN M49 region name ("Europe")
     * @param unSubregion           UN M49 sub-region name ("Western Europe")
     * @param unIntermediateRegion  UN M49 intermediate region name, or ""
     */
    record Country(String iso2, String iso3, String name, List<String> altNames, String continent, String continentCode,
                   String unRegion, String unSubregion, String unIntermediateRegion, String capital, long population,
                   String geonameId) implements Place {
        @Override
        public String placeId() {
            return "country:" + iso2;
        }

        @Override
        public PlaceKind kind() {
            return PlaceKind.COUNTRY;
        }
    }

    /** A first-level administrative division (state, province, region, county...). */
    record Admin1(String iso2, String code, String name, String asciiName, List<String> altNames, String geonameId)
            implements Place {
        @Override
        public String placeId() {
            return "admin1:" + iso2 + "." + code;
        }

        @Override
        public PlaceKind kind() {
            return PlaceKind.ADMIN1;
        }

        @Override
        public long population() {
            return 0;
        }
    }

    /** A city of 100,000 people or more. */
    record City(String iso2, String admin1Code, String name, String asciiName, long population, List<String> altNames,
                String featureCode, String geonameId) implements Place {
        @Override
        public String placeId() {
            return "city:" + geonameId;
        }

        @Override
        public PlaceKind kind() {
            return PlaceKind.CITY;
        }

        /** Capital of its country (GeoNames feature code PPLC). */
        public boolean isCapital() {
            return "PPLC".equals(featureCode);
        }
    }

    /**
     * A continent, UN M49 region, curated news region (Middle East) or a compound of countries
     * named together in a slug ({@code us-canada}).
     *
     * @param id         {@code continent:EU}, {@code m49:419}, {@code curated:middle-east}, {@code compound:US+CA}
     * @param type       continent, un_region, un_subregion, un_intermediate_region, curated_region, compound
     * @param memberIso2 member countries (may be empty when the region has no standard definition)
     */
    record WorldRegion(String id, String type, String name, String parentId, List<String> memberIso2,
                       List<String> altNames) implements Place {
        @Override
        public String placeId() {
            return "region:" + id;
        }

        @Override
        public PlaceKind kind() {
            return PlaceKind.WORLD_REGION;
        }

        @Override
        public String iso2() {
            return "";
        }

        @Override
        public long population() {
            return 0;
        }
    }
}
