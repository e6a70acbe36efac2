package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.sites.FixtureSite;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 per hub kind against a fixture site's ground truth. A reported hub is
 * a true positive when the expected list has the same path and kind, and for countries the same
 * ISO code, for topics the same topic key.
 */
public final class HubMetrics {

    /** Counts for one kind. */
    public static final class Counts {
        public int truePositives;
        public int falsePositives;
        public int falseNegatives;

        public double precision() {
            int reported = truePositives + falsePositives;
            return reported == 0 ? 1.0 : (double) truePositives / reported;
        }

        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Counts other) {
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
        }
    }

    private final Map<HubKind, Counts> byKind = new EnumMap<>(HubKind.class);

    public Counts of(HubKind kind) {
        return byKind.computeIfAbsent(kind, k -> new Counts());
    }

    public Map<HubKind, Counts> all() {
        return byKind;
    }

    public void add(HubMetrics other) {
        other.byKind.forEach((k, v) -> of(k).add(v));
    }

    /** Scores the hubs reported for a site served at {@code baseUrl}. */
    public static HubMetrics score(FixtureSite site, List<Hub> reported, String baseUrl) {
        HubMetrics metrics = new HubMetrics();
        Set<String> expected = new HashSet<>();
        for (FixtureSite.ExpectedHub h : site.expected()) {
            expected.add(key(h.kind(), h.path(), h.iso2(), h.topic()));
            metrics.of(h.kind());
        }
        Set<String> matched = new HashSet<>();
        for (Hub hub : reported) {
            String path = hub.url().startsWith(baseUrl) ? hub.url().substring(baseUrl.length()) : hub.url();
            String key = key(hub.kind(), path, hub.kind() == HubKind.COUNTRY ? hub.iso2() : null,
                    hub.kind() == HubKind.TOPIC ? hub.topic() : null);
            if (expected.contains(key)) {
                metrics.of(hub.kind()).truePositives++;
                matched.add(key);
            } else {
                metrics.of(hub.kind()).falsePositives++;
            }
        }
        for (FixtureSite.ExpectedHub h : site.expected()) {
            if (!matched.contains(key(h.kind(), h.path(), h.iso2(), h.topic()))) {
                metrics.of(h.kind()).falseNegatives++;
            }
        }
        return metrics;
    }

    private static String key(HubKind kind, String path, String iso2, String topic) {
        return kind.wireName() + " " + path + " " + (kind == HubKind.COUNTRY ? iso2 : "")
                + (kind == HubKind.TOPIC ? topic : "");
    }
}
