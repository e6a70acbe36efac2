package io.crawlseq.crawler.hubs;

import java.util.List;

/**
 * How evidence becomes a confidence: the weights of the signals that fired are added up, and the
 * sum goes through a logistic curve centred at 0.5:
 *
 * <pre>confidence = 1 / (1 + e^(-6 × (Σ weights − 0.5)))</pre>
 *
 * So a sum of 0.5 is a coin toss (0.5), 0.57 reaches the default reporting threshold 0.6, 0.85 is
 * 0.89 and 1.0 is 0.95; any hard negative (−1.0: a story, a live blog, a search page) drives it to
 * near zero. The curve keeps confidences comparable across kinds while the weights stay readable
 * ("navigation counts 0.25"). Weights and the midpoint were chosen on the fixture sites; the
 * figures are in {@code docs/hub-detection.md}.
 */
public final class HubScoring {

    public static final double MIDPOINT = 0.5;
    public static final double STEEPNESS = 6.0;

    private HubScoring() {
    }

    public static double sum(List<Evidence> evidence) {
        return evidence.stream().mapToDouble(Evidence::weight).sum();
    }

    public static double confidence(double score) {
        double c = 1.0 / (1.0 + Math.exp(-STEEPNESS * (score - MIDPOINT)));
        return Math.round(c * 1000) / 1000.0;
    }
}
