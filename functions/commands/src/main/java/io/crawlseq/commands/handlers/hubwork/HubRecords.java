package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.Evidence;
import io.crawlseq.store.Hub;
import io.crawlseq.store.HubKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Hubs between the crawler, the store and command results: the result record is built from the
 * store's {@link Hub}, so a hub found now and one read back from the store look the same
 * ({@code {url, kind, iso2?, topic?, name?, placeId?, confidence, verified}}).
 */
public final class HubRecords {

    private HubRecords() {
    }

    public static Hub toStore(io.crawlseq.crawler.hubs.Hub found) {
        Hub hub = Hub.of(found.url(), kind(found.kind()), Math.max(0.0, Math.min(1.0, found.confidence())))
                .withVerified(found.verified())
                .withEvidence(evidence(found.evidence()));
        if (found.iso2() != null) {
            hub = hub.withIso2(found.iso2());
        }
        if (found.topic() != null) {
            hub = hub.withTopic(found.topic());
        }
        if (found.name() != null && !found.name().isBlank()) {
            hub = hub.withName(found.name());
        }
        if (found.placeId() != null) {
            hub = hub.withPlaceId(found.placeId());
        }
        return hub;
    }

    public static List<Hub> toStore(Collection<io.crawlseq.crawler.hubs.Hub> found) {
        return found.stream().map(HubRecords::toStore).toList();
    }

    /** The crawler's and the store's kinds share their wire names. */
    public static HubKind kind(io.crawlseq.crawler.hubs.HubKind kind) {
        return HubKind.fromWireName(kind.wireName()).orElseThrow(() ->
                new IllegalStateException("the store has no hub kind " + kind.wireName()));
    }

    public static io.crawlseq.crawler.hubs.HubKind kind(HubKind kind) {
        return io.crawlseq.crawler.hubs.HubKind.fromWireName(kind.wireName());
    }

    /** Evidence as short lines: {@code LinkedFromNavigation +0.25: 3 page(s) link here from navigation}. */
    static List<String> evidence(List<Evidence> evidence) {
        List<String> lines = new ArrayList<>();
        for (Evidence e : evidence) {
            lines.add(e.signal() + " " + String.format(Locale.ROOT, "%+.2f", e.weight())
                    + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail()));
        }
        return lines;
    }

    public static ObjectNode toJson(Hub hub) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("url", hub.url());
        o.put("kind", hub.kind().wireName());
        hub.iso2().ifPresent(v -> o.put("iso2", v));
        hub.topic().ifPresent(v -> o.put("topic", v));
        hub.name().ifPresent(v -> o.put("name", v));
        hub.placeId().ifPresent(v -> o.put("placeId", v));
        o.put("confidence", Math.round(hub.confidence() * 1000) / 1000.0);
        o.put("verified", hub.verified());
        return o;
    }

    public static ArrayNode toJson(Collection<Hub> hubs) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        hubs.forEach(h -> list.add(toJson(h)));
        return list;
    }
}
