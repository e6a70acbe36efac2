package io.crawlseq.commands.handlers.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.Evidence;
import io.crawlseq.store.Hub;
import io.crawlseq.store.HubKind;
import io.crawlseq.store.StoredHub;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Hubs between the crawler, the store and command results. The result record is built from the
 * store's {@link Hub} only, so a hub reported by a crawl and one read back from the store look the
 * same: {@code {url, kind, iso2?, topic?, name?, placeId?, confidence, verified}} (the registry's
 * Hub type; absent values are left out, confidence rounded to three decimals).
 */
public final class HubRecords {

    private HubRecords() {
    }

    /** The store's form of a hub the crawler found, with its evidence as short lines. */
    public static Hub toStore(io.crawlseq.crawler.hubs.Hub found) {
        Hub hub = Hub.of(found.url(), kind(found.kind()), clamp(found.confidence()))
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

    /** The crawler's and the store's kinds share their wire names (a test keeps them in step). */
    public static HubKind kind(io.crawlseq.crawler.hubs.HubKind kind) {
        return HubKind.fromWireName(kind.wireName()).orElseThrow(() ->
                new IllegalStateException("the store has no hub kind " + kind.wireName()));
    }

    /** The crawler's kind of a stored hub (the store's kinds are a subset of the crawler's). */
    public static io.crawlseq.crawler.hubs.HubKind crawlerKind(HubKind kind) {
        return io.crawlseq.crawler.hubs.HubKind.fromWireName(kind.wireName());
    }

    /** {@code LinkedFromNavigation +0.30: 3 pages link here from navigation}. */
    public static List<String> evidence(List<Evidence> evidence) {
        List<String> lines = new ArrayList<>();
        for (Evidence e : evidence) {
            lines.add(e.signal() + " " + String.format(Locale.ROOT, "%+.2f", e.weight())
                    + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail()));
        }
        return lines;
    }

    /** The result record of one hub. */
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

    /** Stored hubs as result records (commands that work from hubs an earlier step recorded). */
    public static ArrayNode storedToJson(Collection<StoredHub> hubs) {
        return toJson(hubs.stream().map(StoredHub::hub).toList());
    }

    private static double clamp(double confidence) {
        return Math.max(0.0, Math.min(1.0, confidence));
    }
}
