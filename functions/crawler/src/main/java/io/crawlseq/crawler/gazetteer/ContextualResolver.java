package io.crawlseq.crawler.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default {@link AmbiguityResolver}. Score = match strength × kind prior × context factors:
 * <ul>
 *   <li>kind prior: countries 1.0, world regions 0.95, first-level divisions 0.7, cities 0.6 (news
 *       sites have far more country hubs than state or city hubs), plus a little for population;</li>
 *   <li>a parent country (from the path) lifts its own divisions and cities ×1.6 and lowers other
 *       countries ×0.5: {@code /us-news/georgia} is the state;</li>
 *   <li>a parent world region lifts its member countries ×1.3: {@code /world/asia/georgia} is the country;</li>
 *   <li>anchor text naming the candidate lifts it ×1.3;</li>
 *   <li>kinds the caller does not expect are lowered ×0.3.</li>
 * </ul>
 */
public final class ContextualResolver implements AmbiguityResolver {

    private final Gazetteer gazetteer;

    public ContextualResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public List<PlaceMatch> rank(String slug, List<PlaceMatch> candidates, SlugContext context) {
        List<PlaceMatch> ranked = new ArrayList<>();
        String anchor = context.anchorText().isBlank() ? "" : Slugs.slugify(context.anchorText());
        for (PlaceMatch candidate : candidates) {
            Place place = candidate.place();
            double score = candidate.via().strength() * prior(place);
            for (Place parent : context.parents()) {
                if (parent instanceof Place.Country country) {
                    boolean inside = place.kind() != PlaceKind.COUNTRY && place.iso2().equals(country.iso2());
                    score *= inside ? 1.6 : place.kind() == PlaceKind.COUNTRY ? 0.5 : 0.8;
                } else if (parent instanceof Place.WorldRegion region && place instanceof Place.Country country) {
                    if (gazetteer.memberCountries(region).contains(country.iso2())) {
                        score *= 1.3;
                    }
                }
            }
            if (!anchor.isEmpty() && gazetteer.slugsOf(place).contains(anchor)) {
                score *= 1.3;
            }
            if (!context.expectedKinds().isEmpty() && !context.expectedKinds().contains(place.kind())) {
                score *= 0.3;
            }
            ranked.add(candidate.withScore(score));
        }
        ranked.sort(Comparator.comparingDouble(PlaceMatch::score).reversed()
                .thenComparing(m -> m.place().placeId()));
        return ranked;
    }

    private static double prior(Place place) {
        double popBonus = place.population() > 0 ? Math.log10(place.population()) / 100 : 0;
        return switch (place.kind()) {
            case COUNTRY -> 1.0;
            case WORLD_REGION -> 0.95;
            case ADMIN1 -> 0.7;
            case CITY -> 0.6;
        } + popBonus;
    }
}
