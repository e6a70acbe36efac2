package io.crawlseq.crawler.hubs;

import java.util.Map;
import java.util.Optional;

/**
 * Seed topic names: a head start for naming sections, never the only way to find them (a site's
 * own sections such as {@code /climate-crisis} or {@code /the-filter} are found from navigation and
 * listing signals). Maps common section slugs to one topic key.
 */
public final class Topics {

    private static final Map<String, String> SEEDS = Map.ofEntries(
            Map.entry("world", "world"), Map.entry("world-news", "world"), Map.entry("international", "world"),
            Map.entry("politics", "politics"), Map.entry("us-politics", "politics"), Map.entry("uk-politics", "politics"),
            Map.entry("business", "business"), Map.entry("economy", "business"), Map.entry("money", "business"),
            Map.entry("markets", "business"), Map.entry("finance", "business"),
            Map.entry("sport", "sport"), Map.entry("sports", "sport"), Map.entry("football", "sport"),
            Map.entry("technology", "technology"), Map.entry("tech", "technology"),
            Map.entry("science", "science"), Map.entry("science-environment", "science"),
            Map.entry("health", "health"), Map.entry("wellness", "health"),
            Map.entry("environment", "environment"), Map.entry("climate", "environment"),
            Map.entry("culture", "culture"), Map.entry("arts", "culture"), Map.entry("entertainment", "culture"),
            Map.entry("books", "culture"), Map.entry("music", "culture"), Map.entry("film", "culture"),
            Map.entry("opinion", "opinion"), Map.entry("commentisfree", "opinion"), Map.entry("comment", "opinion"),
            Map.entry("lifestyle", "lifestyle"), Map.entry("life-and-style", "lifestyle"), Map.entry("style", "lifestyle"),
            Map.entry("travel", "travel"), Map.entry("food", "food"), Map.entry("education", "education"),
            Map.entry("media", "media"), Map.entry("society", "society"), Map.entry("law", "law"),
            Map.entry("crime", "crime"), Map.entry("weather", "weather"), Map.entry("fashion", "fashion"));

    private Topics() {
    }

    /** The topic key of a seed slug ({@code commentisfree} is opinion). */
    public static Optional<String> seed(String slug) {
        return Optional.ofNullable(SEEDS.get(slug));
    }

    /** The topic key for a section slug: the seed topic, else the slug itself. */
    public static String key(String slug) {
        return SEEDS.getOrDefault(slug, slug);
    }
}
