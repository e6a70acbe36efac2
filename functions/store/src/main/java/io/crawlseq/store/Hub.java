package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hub page as a command observed it. Evidence is capped ({@value #MAX_EVIDENCE} entries of at most
 * {@value #MAX_EVIDENCE_CHARS} characters) so a hub always fits in one store item.
 *
 * @param url        the hub's normalised URL
 * @param kind       what kind of hub
 * @param iso2       ISO 3166-1 alpha-2 code of the country the hub is about (upper case), if any
 * @param topic      topic/section slug, for topic and place-topic hubs
 * @param name       display name (e.g. the country or section name)
 * @param placeId    gazetteer id of the place, for place hubs
 * @param confidence 0..1
 * @param verified   whether the page was fetched and confirmed as a hub
 * @param evidence   short reasons, most important first (signal names, anchor texts)
 */
public record Hub(String url, HubKind kind, Optional<String> iso2, Optional<String> topic, Optional<String> name,
                  Optional<String> placeId, double confidence, boolean verified, List<String> evidence) {

    public static final int MAX_EVIDENCE = 20;
    public static final int MAX_EVIDENCE_CHARS = 300;
    public static final int MAX_URL_BYTES = 8192;
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

    public Hub {
        Checks.text("url", url, MAX_URL_BYTES);
        Objects.requireNonNull(kind, "kind");
        iso2 = iso2.map(code -> code.toUpperCase(Locale.ROOT));
        iso2.ifPresent(code -> {
            if (!ISO2.matcher(code).matches()) {
                throw new IllegalArgumentException("iso2 must be two letters, was '" + code + "'");
            }
        });
        topic.ifPresent(t -> Checks.text("topic", t, 256));
        name.ifPresent(n -> Checks.text("name", n, 512));
        placeId.ifPresent(p -> Checks.text("placeId", p, 128));
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        evidence = evidence.stream().limit(MAX_EVIDENCE).map(e -> Checks.truncate(e, MAX_EVIDENCE_CHARS)).toList();
    }

    /** A hub with only the required fields; use the {@code with...} methods for the rest. */
    public static Hub of(String url, HubKind kind, double confidence) {
        return new Hub(url, kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), confidence,
                false, List.of());
    }

    public Hub withIso2(String code) {
        return new Hub(url, kind, Optional.of(code), topic, name, placeId, confidence, verified, evidence);
    }

    public Hub withTopic(String value) {
        return new Hub(url, kind, iso2, Optional.of(value), name, placeId, confidence, verified, evidence);
    }

    public Hub withName(String value) {
        return new Hub(url, kind, iso2, topic, Optional.of(value), placeId, confidence, verified, evidence);
    }

    public Hub withPlaceId(String value) {
        return new Hub(url, kind, iso2, topic, name, Optional.of(value), confidence, verified, evidence);
    }

    public Hub withVerified(boolean value) {
        return new Hub(url, kind, iso2, topic, name, placeId, confidence, value, evidence);
    }

    public Hub withEvidence(List<String> value) {
        return new Hub(url, kind, iso2, topic, name, placeId, confidence, verified, value);
    }
}
