package io.crawlseq.crawler.gazetteer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries, first-level divisions, cities of 100k+ people and world regions from the bundled
 * GeoNames / country-codes data (attribution in {@code NOTICE} next to the files), indexed by slug.
 * Loaded once, lazily, on first use of {@link #standard()}; immutable and thread-safe afterwards.
 *
 * <pre>{@code
 * Gazetteer g = Gazetteer.standard();
 * g.resolve("us-news", SlugContext.none()).best();          // United States
 * g.resolve("georgia", SlugContext.none()
 *         .withParents(List.of(g.country("US").orElseThrow()))).best();   // the US state
 * }</pre>
 */
public final class Gazetteer {

    private static final String BASE = "/io/crawlseq/crawler/gazetteer/";

    /** Decorations around a place slug in section URLs: {@code us-news}, {@code news-uk}. */
    private static final List<String> SUFFIXES = List.of("-news");
    private static final List<String> PREFIXES = List.of("news-");

    /** Slugs that are sections, not places, whatever the data says. */
    private static final Set<String> NOT_PLACES = Set.of("world", "news", "international", "global", "national",
            "local", "home", "index", "live", "latest", "politics", "business", "sport", "sports", "opinion",
            "media", "mobile", "video", "technology", "science", "culture", "travel", "money", "weather");

    private static final class Holder {
        static final Gazetteer INSTANCE;
        static final Duration LOAD_TIME;

        static {
            long start = System.nanoTime();
            INSTANCE = load();
            LOAD_TIME = Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private final List<Place.Country> countries;
    private final Map<String, Place.Country> countryByIso2;
    private final Map<String, List<Place.Admin1>> admin1ByCountry;
    private final Map<String, List<Place.City>> citiesByCountry;
    private final List<Place.WorldRegion> regions;
    private final Map<String, Place> byId;
    private final Map<String, List<PlaceMatch>> bySlug;
    private final Map<String, Set<String>> codeSlugs;
    private final Map<String, Set<String>> slugsByPlace;
    private final AmbiguityResolver resolver;

    private Gazetteer(List<Place.Country> countries, List<Place.Admin1> admin1, List<Place.City> cities,
                      List<Place.WorldRegion> regions) {
        this.countries = List.copyOf(countries);
        this.countryByIso2 = new HashMap<>();
        countries.forEach(c -> countryByIso2.put(c.iso2(), c));
        this.admin1ByCountry = new HashMap<>();
        admin1.forEach(a -> admin1ByCountry.computeIfAbsent(a.iso2(), k -> new ArrayList<>()).add(a));
        this.citiesByCountry = new HashMap<>();
        cities.forEach(c -> citiesByCountry.computeIfAbsent(c.iso2(), k -> new ArrayList<>()).add(c));
        this.regions = List.copyOf(regions);
        this.byId = new HashMap<>();
        this.bySlug = new HashMap<>();
        this.codeSlugs = new HashMap<>();
        this.slugsByPlace = new HashMap<>();
        for (Place.Country c : countries) {
            add(c, c.name(), MatchType.NAME);
            c.altNames().forEach(n -> add(c, n, MatchType.ALT_NAME));
            codeSlugs.computeIfAbsent(c.iso2().toLowerCase(), k -> new LinkedHashSet<>()).add(c.placeId());
            codeSlugs.computeIfAbsent(c.iso3().toLowerCase(), k -> new LinkedHashSet<>()).add(c.placeId());
            byId.put(c.placeId(), c);
        }
        for (Place.WorldRegion r : regions) {
            byId.put(r.placeId(), r);
            if (r.id().equals("m49:001")) {
                continue;   // "world" is a section name on news sites, not a place hub
            }
            add(r, r.name(), MatchType.NAME);
            r.altNames().forEach(n -> add(r, n, MatchType.ALIAS));
        }
        for (Place.Admin1 a : admin1) {
            add(a, a.name(), MatchType.NAME);
            if (!a.asciiName().equals(a.name())) {
                add(a, a.asciiName(), MatchType.NAME);
            }
            a.altNames().forEach(n -> add(a, n, MatchType.SHORT_NAME));
            byId.put(a.placeId(), a);
        }
        for (Place.City c : cities) {
            add(c, c.name(), MatchType.NAME);
            if (!c.asciiName().equals(c.name())) {
                add(c, c.asciiName(), MatchType.NAME);
            }
            c.altNames().forEach(n -> add(c, n, MatchType.CITY_ALT_NAME));
            byId.put(c.placeId(), c);
        }
        bySlug.replaceAll((k, v) -> List.copyOf(v));
        this.resolver = new ContextualResolver(this);
    }

    /** Adds a name; a place keeps only its strongest match per slug. */
    private void add(Place place, String name, MatchType type) {
        for (String slug : Slugs.variants(name)) {
            if (NOT_PLACES.contains(slug)) {
                continue;
            }
            slugsByPlace.computeIfAbsent(place.placeId(), k -> new LinkedHashSet<>()).add(slug);
            List<PlaceMatch> list = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
            boolean replaced = false;
            for (int i = 0; i < list.size(); i++) {
                PlaceMatch existing = list.get(i);
                if (existing.place().placeId().equals(place.placeId())) {
                    if (type.strength() > existing.via().strength()) {
                        list.set(i, new PlaceMatch(place, type, type.strength()));
                    }
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                list.add(new PlaceMatch(place, type, type.strength()));
            }
        }
    }

    /** The bundled gazetteer, loaded on first call. */
    public static Gazetteer standard() {
        return Holder.INSTANCE;
    }

    /** How long loading the bundled data took (measured once, on first use). */
    public static Duration loadTime() {
        standard();
        return Holder.LOAD_TIME;
    }

    public List<Place.Country> countries() {
        return countries;
    }

    public Optional<Place.Country> country(String iso2) {
        return Optional.ofNullable(countryByIso2.get(iso2 == null ? "" : iso2.toUpperCase()));
    }

    public List<Place.Admin1> admin1(String iso2) {
        return Collections.unmodifiableList(admin1ByCountry.getOrDefault(iso2.toUpperCase(), List.of()));
    }

    /** Cities of a country, most populous first. */
    public List<Place.City> cities(String iso2) {
        return Collections.unmodifiableList(citiesByCountry.getOrDefault(iso2.toUpperCase(), List.of()));
    }

    public List<Place.WorldRegion> worldRegions() {
        return regions;
    }

    public Optional<Place> place(String placeId) {
        return Optional.ofNullable(byId.get(placeId));
    }

    /** Member countries of a world region (empty for regions without a standard definition). */
    public Set<String> memberCountries(Place.WorldRegion region) {
        return Set.copyOf(region.memberIso2());
    }

    /** Every slug the place is known by. */
    public Set<String> slugsOf(Place place) {
        return slugsByPlace.getOrDefault(place.placeId(), Set.of());
    }

    /** Exact candidates for a slug, unranked (no decorations removed, no codes, no compounds). */
    public List<PlaceMatch> candidates(String slug) {
        return bySlug.getOrDefault(slug, List.of());
    }

    /** Resolves a URL path segment with the default {@link ContextualResolver}. */
    public SlugResolution resolve(String pathSegment, SlugContext context) {
        return resolve(pathSegment, context, resolver);
    }

    /**
     * Resolves a URL path segment: slug form, then exact names; failing that, without a decoration
     * ({@code us-news}); failing that, as countries named together ({@code us-canada}); ISO codes only
     * when the context allows them. Candidates are ranked by {@code resolver}.
     */
    public SlugResolution resolve(String pathSegment, SlugContext context, AmbiguityResolver resolver) {
        String slug = Slugs.fromPathSegment(pathSegment);
        if (slug.isEmpty() || NOT_PLACES.contains(slug) || slug.length() > 80) {
            return new SlugResolution(pathSegment, slug, "", List.of());
        }
        List<PlaceMatch> found = lookup(slug, context.allowCodes());
        String decoration = "";
        String bare = slug;
        if (found.isEmpty()) {
            for (String suffix : SUFFIXES) {
                if (slug.endsWith(suffix) && slug.length() > suffix.length()) {
                    bare = slug.substring(0, slug.length() - suffix.length());
                    decoration = suffix;
                }
            }
            for (String prefix : PREFIXES) {
                if (decoration.isEmpty() && slug.startsWith(prefix) && slug.length() > prefix.length()) {
                    bare = slug.substring(prefix.length());
                    decoration = prefix;
                }
            }
            if (!decoration.isEmpty() && !NOT_PLACES.contains(bare)) {
                // a decorated two-letter slug (us-news, uk-news) is a code by convention
                found = lookup(bare, true);
            }
        }
        if (found.isEmpty()) {
            Optional<Place.WorldRegion> compound = compound(bare);
            if (compound.isPresent()) {
                found = List.of(new PlaceMatch(compound.get(), MatchType.COMPOUND, MatchType.COMPOUND.strength()));
            }
        }
        return new SlugResolution(pathSegment, bare, decoration, resolver.rank(bare, found, context));
    }

    private List<PlaceMatch> lookup(String slug, boolean allowCodes) {
        List<PlaceMatch> found = new ArrayList<>(bySlug.getOrDefault(slug, List.of()));
        if (allowCodes) {
            for (String id : codeSlugs.getOrDefault(slug, Set.of())) {
                Place place = byId.get(id);
                if (found.stream().noneMatch(m -> m.place().placeId().equals(id))) {
                    MatchType type = slug.length() == 2 ? MatchType.ISO2 : MatchType.ISO3;
                    found.add(new PlaceMatch(place, type, type.strength()));
                }
            }
        }
        return found;
    }

    /** {@code us-canada}, {@code us-and-canada}: every part names a country (name, alt name or a two-letter code). */
    private Optional<Place.WorldRegion> compound(String slug) {
        List<String> parts = new ArrayList<>(List.of(slug.split("-")));
        parts.removeIf(p -> p.equals("and"));
        if (parts.size() < 2 || parts.size() > 4) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            Place.Country country = null;
            for (PlaceMatch m : lookup(part, part.length() == 2)) {
                if (m.place() instanceof Place.Country c && m.via() != MatchType.ISO3) {
                    country = c;
                    break;
                }
            }
            if (country == null || members.contains(country.iso2())) {
                return Optional.empty();
            }
            members.add(country.iso2());
            names.add(country.name());
        }
        String id = "compound:" + String.join("+", members);
        return Optional.of(new Place.WorldRegion(id, "compound", String.join(" & ", names), "", members, List.of()));
    }

    // --- loading -----------------------------------------------------------------------------------

    private static Gazetteer load() {
        Map<String, List<String>> countryAliases = new HashMap<>();
        Map<String, List<String>> regionAliases = new HashMap<>();
        Map<String, String[]> curated = new LinkedHashMap<>();   // id -> {name, members}
        for (Map<String, String> row : Csv.read(BASE + "curated_aliases.csv")) {
            String type = row.get("target_type");
            String target = row.get("target_id");
            String alias = row.get("alias");
            switch (type) {
                case "country" -> countryAliases.computeIfAbsent(target, k -> new ArrayList<>()).add(alias);
                case "region" -> regionAliases.computeIfAbsent(target, k -> new ArrayList<>()).add(alias);
                case "curated_region" -> {
                    String id = target.startsWith("curated:") ? target : "curated:" + target;
                    if (!curated.containsKey(id)) {
                        curated.put(id, new String[] {alias, row.get("member_iso2")});
                    } else {
                        regionAliases.computeIfAbsent(id, k -> new ArrayList<>()).add(alias);
                    }
                }
                default -> throw new IllegalStateException("unknown alias target type " + type);
            }
        }
        List<Place.Country> countries = new ArrayList<>();
        for (Map<String, String> r : Csv.read(BASE + "countries.csv")) {
            List<String> alt = new ArrayList<>(Csv.multi(r.get("alt_names")));
            alt.addAll(countryAliases.getOrDefault(r.get("iso2"), List.of()));
            countries.add(new Place.Country(r.get("iso2"), r.get("iso3"), r.get("name"), List.copyOf(alt),
                    r.get("continent"), r.get("continent_code"), r.get("un_region"), r.get("un_subregion"),
                    r.get("un_intermediate_region"), r.get("capital"), parseLong(r.get("population")), r.get("geonameid")));
        }
        List<Place.Admin1> admin1 = new ArrayList<>();
        for (Map<String, String> r : Csv.read(BASE + "admin1.csv")) {
            admin1.add(new Place.Admin1(r.get("country_iso2"), r.get("admin1_code"), r.get("name"), r.get("ascii_name"),
                    Csv.multi(r.get("alt_names")), r.get("geonameid")));
        }
        List<Place.City> cities = new ArrayList<>();
        for (Map<String, String> r : Csv.read(BASE + "cities.csv")) {
            cities.add(new Place.City(r.get("country_iso2"), r.get("admin1_code"), r.get("name"), r.get("ascii_name"),
                    parseLong(r.get("population")), Csv.multi(r.get("alt_names")), r.get("feature_code"), r.get("geonameid")));
        }
        List<Place.WorldRegion> regions = new ArrayList<>();
        for (Map<String, String> r : Csv.read(BASE + "regions.csv")) {
            regions.add(new Place.WorldRegion(r.get("id"), r.get("type"), r.get("name"), r.get("parent_id"),
                    Csv.multi(r.get("member_iso2")), List.copyOf(regionAliases.getOrDefault(r.get("id"), List.of()))));
        }
        for (Map.Entry<String, String[]> c : curated.entrySet()) {
            regions.add(new Place.WorldRegion(c.getKey(), "curated_region", c.getValue()[0], "",
                    Csv.multi(c.getValue()[1]), List.copyOf(regionAliases.getOrDefault(c.getKey(), List.of()))));
        }
        return new Gazetteer(countries, admin1, cities, regions);
    }

    private static long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
