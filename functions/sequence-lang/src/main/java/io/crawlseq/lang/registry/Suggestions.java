package io.crawlseq.lang.registry;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelled names (commands, arguments, keys, result ids). */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input} by case-insensitive Damerau-Levenshtein distance, if it
     * is close enough to be a plausible typo (at most a third of the input's length, minimum 1),
     * or if one name differs only in case.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        if (input.isEmpty() || input.length() > 64) {
            return Optional.empty();
        }
        String lower = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(4, input.length() / 3));
        Optional<String> byDistance = candidates.stream()
                // the distance is at least the difference in length: skip hopeless (or huge) candidates
                // before building a length x length table
                .filter(c -> Math.abs(c.length() - input.length()) <= limit)
                .map(c -> new Scored(c, distance(lower, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= limit)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
        return byDistance.isPresent() ? byDistance : byPrefix(lower, candidates);
    }

    /** {@code delay} → {@code delayMs}, {@code maxConcurrentPerHostLimit} → {@code maxConcurrentPerHost}. */
    private static Optional<String> byPrefix(String lower, Collection<String> candidates) {
        if (lower.length() < 3) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(c -> {
                    String cl = c.toLowerCase(Locale.ROOT);
                    return cl.length() >= 3 && cl.length() <= 64 && (cl.startsWith(lower) || lower.startsWith(cl));
                })
                .min(Comparator.comparingInt((String c) -> Math.abs(c.length() - lower.length()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private record Scored(String candidate, int distance) {
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
