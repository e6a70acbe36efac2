package io.crawlseq.lang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void typos_getTheClosestName() {
        assertThat(Suggestions.closest("exploreCountryHub", CommandRegistry.standard().names())).contains("exploreCountryHubs");
        assertThat(Suggestions.closest("limt", List.of("limit", "country"))).contains("limit");
        assertThat(Suggestions.closest("STEPS", List.of("steps", "type"))).contains("steps");
    }

    @Test
    void aPrefixOfAName_suggestsIt_whenTheSpellingIsOtherwiseFar() {
        assertThat(Suggestions.closest("delay", List.of("delayMs", "maxConcurrentPerHost"))).contains("delayMs");
        assertThat(Suggestions.closest("ab", List.of("abcdef"))).isEmpty();
    }

    @Test
    void unrelatedOrHugeNames_getNoSuggestion_cheaply() {
        String huge = "k".repeat(4_000_000);

        assertThat(Suggestions.closest("zzzzzz", List.of("limit", "country"))).isEmpty();
        assertThat(Suggestions.closest("kkkk", List.of(huge))).isEmpty();
    }
}
