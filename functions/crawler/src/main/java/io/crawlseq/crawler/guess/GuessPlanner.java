package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.gazetteer.Place;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns learned patterns into ranked URL guesses for places without a known hub. Places are taken
 * most important first (countries and cities by population, regions by the population of their
 * cities); kinds take turns, so a limit of 50 tries countries, regions and cities alike. Each
 * place's best guess (most supported pattern, the site's slug style) comes before any place's
 * second-best. Pure and deterministic: the same patterns and known hubs give the same plan.
 */
public final class GuessPlanner {

    /** Guesses per place at most (patterns × styles × region segments). */
    static final int MAX_PER_PLACE = 3;
    /** Styles tried per pattern at most. */
    static final int STYLES_PER_PATTERN = 2;

    private final Gazetteer gazetteer;
    private final Map<String, Long> admin1Population = new HashMap<>();

    public GuessPlanner(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * One URL to try.
     *
     * @param url     absolute URL
     * @param placeId the place it would be the hub of
     * @param kind    country, region or city
     * @param iso2    the place's country
     * @param name    the place's name
     * @param pattern the pattern that predicted it (as reported)
     * @param support hubs supporting that pattern
     * @param prior   how likely the pattern and style are to be right for this site (0..1)
     */
    public record Guess(String url, String placeId, HubKind kind, String iso2, String name, String pattern, int support,
                        double prior) {
    }

    /**
     * @param siteBase   {@code https://host[:port]} the paths are on
     * @param kinds      country, region and/or city
     * @param country    only places in this country (ISO code), or null
     * @param max        guesses at most
     */
    public List<Guess> plan(List<LearnedPattern> patterns, List<KnownHub> known, String siteBase, Set<HubKind> kinds,
                            String country, int max) {
        Set<String> knownPlaces = new HashSet<>();
        Set<String> knownPaths = new HashSet<>();
        for (KnownHub h : known) {
            if (h.placeId() != null) {
                knownPlaces.add(h.placeId());
            }
            UrlParser.parse(h.url()).toOptional().ifPresent(u -> knownPaths.add(trim(u.path())));
        }
        Map<String, String> countryHubs = PatternLearner.countryHubPaths(known);
        String filter = country == null ? null : country.toUpperCase(Locale.ROOT);
        List<List<List<Guess>>> perKind = new ArrayList<>();
        for (HubKind kind : List.of(HubKind.COUNTRY, HubKind.REGION, HubKind.CITY)) {
            if (!kinds.contains(kind)) {
                continue;
            }
            List<List<Guess>> places = new ArrayList<>();
            for (Place place : candidates(kind, filter, countryHubs, patterns)) {
                if (knownPlaces.contains(place.placeId())) {
                    continue;
                }
                List<Guess> guesses = guessesFor(place, kind, patterns, countryHubs, siteBase, knownPaths);
                if (!guesses.isEmpty()) {
                    places.add(guesses);
                }
            }
            perKind.add(places);
        }
        return interleave(perKind, max);
    }

    /** Round after round: every place's first guess (kinds taking turns), then every place's second... */
    private static List<Guess> interleave(List<List<List<Guess>>> perKind, int max) {
        List<Guess> plan = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (int round = 0; round < MAX_PER_PLACE && plan.size() < max; round++) {
            int[] cursor = new int[perKind.size()];
            boolean more = true;
            while (more && plan.size() < max) {
                more = false;
                for (int k = 0; k < perKind.size() && plan.size() < max; k++) {
                    List<List<Guess>> places = perKind.get(k);
                    while (cursor[k] < places.size()) {
                        List<Guess> guesses = places.get(cursor[k]++);
                        if (round < guesses.size() && urls.add(guesses.get(round).url())) {
                            plan.add(guesses.get(round));
                            more = true;
                            break;
                        }
                    }
                    more |= cursor[k] < places.size();
                }
            }
        }
        return plan;
    }

    /** The places of a kind worth guessing, most important first. */
    private List<? extends Place> candidates(HubKind kind, String filter, Map<String, String> countryHubs,
                                             List<LearnedPattern> patterns) {
        if (kind == HubKind.COUNTRY) {
            List<Place.Country> countries = new ArrayList<>(gazetteer.countries());
            countries.removeIf(c -> filter != null && !c.iso2().equals(filter));
            countries.sort(Comparator.comparingLong(Place.Country::population).reversed().thenComparing(Place.Country::iso2));
            return countries;
        }
        Set<String> countries = new LinkedHashSet<>();
        if (filter != null) {
            countries.add(filter);
        } else {
            countries.addAll(countryHubs.keySet());
            for (LearnedPattern p : patterns) {
                if (p.scopeIso2() != null) {
                    countries.add(p.scopeIso2());
                }
            }
        }
        List<Place> places = new ArrayList<>();
        for (String iso2 : countries) {
            places.addAll(kind == HubKind.REGION ? gazetteer.admin1(iso2) : gazetteer.cities(iso2));
        }
        places.sort(Comparator.comparingLong(this::importance).reversed().thenComparing(Place::placeId));
        return places;
    }

    /** Population, and for a first-level division the population of its cities (the data has none of its own). */
    private long importance(Place place) {
        if (place instanceof Place.Admin1 a) {
            if (admin1Population.isEmpty()) {
                for (Place.Country c : gazetteer.countries()) {
                    for (Place.City city : gazetteer.cities(c.iso2())) {
                        admin1Population.merge(city.iso2() + "." + city.admin1Code(), city.population(), Long::sum);
                    }
                }
            }
            return admin1Population.getOrDefault(a.iso2() + "." + a.code(), 0L);
        }
        return place.population();
    }

    private List<Guess> guessesFor(Place place, HubKind kind, List<LearnedPattern> patterns, Map<String, String> countryHubs,
                                   String siteBase, Set<String> knownPaths) {
        List<Guess> guesses = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (LearnedPattern pattern : patterns) {
            if (!pattern.appliesTo(kind, place.iso2())) {
                continue;
            }
            for (LearnedPattern.StyleSupport style : top(pattern.predictiveStyles())) {
                String slug = style.style().render(place).orElse(null);
                if (slug == null) {
                    continue;
                }
                for (String[] region : regionsFor(pattern, place)) {
                    String countryHub = countryHubs.get(place.iso2());
                    if (pattern.template().parent() == UrlTemplate.Parent.COUNTRY_HUB && countryHub == null) {
                        continue;
                    }
                    String path = pattern.template().path(slug, countryHub, region[0]);
                    if (knownPaths.contains(trim(path)) || !paths.add(path)) {
                        continue;
                    }
                    double prior = pattern.support() / (pattern.support() + 2.0)
                            * style.count() / (double) pattern.support() * Double.parseDouble(region[1]);
                    guesses.add(new Guess(siteBase + path, place.placeId(), kind, place.iso2(), place.name(),
                            pattern.text(), pattern.support(), Math.round(prior * 1000) / 1000.0));
                }
            }
        }
        guesses.sort(Comparator.comparingDouble(Guess::prior).reversed());
        return guesses.size() > MAX_PER_PLACE ? guesses.subList(0, MAX_PER_PLACE) : guesses;
    }

    private static List<LearnedPattern.StyleSupport> top(List<LearnedPattern.StyleSupport> styles) {
        return styles.size() > STYLES_PER_PATTERN ? styles.subList(0, STYLES_PER_PATTERN) : styles;
    }

    /** For region patterns: [segment, share of the pattern's hubs under it] per region the place's country is in. */
    private List<String[]> regionsFor(LearnedPattern pattern, Place place) {
        if (pattern.template().parent() != UrlTemplate.Parent.REGION) {
            return List.<String[]>of(new String[] {"", "1"});
        }
        List<String[]> out = new ArrayList<>();
        for (LearnedPattern.RegionSlug r : pattern.regions()) {
            gazetteer.place(r.placeId())
                    .filter(p -> p instanceof Place.WorldRegion w && gazetteer.memberCountries(w).contains(place.iso2()))
                    .ifPresent(p -> out.add(new String[] {r.slug(), Double.toString(Math.min(1.0,
                            0.5 + r.count() / (double) pattern.support()))}));
        }
        return out;
    }

    /** The site part of a URL: scheme, host and port. */
    public static String siteBase(String url) {
        WebUrl u = UrlParser.parse(url).orElseThrow();
        return u.scheme() + "://" + u.authority();
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
