package io.crawlseq.commands.handlers.hubwork;

import io.crawlseq.crawler.guess.KnownHub;
import io.crawlseq.store.CrawlResults;
import io.crawlseq.store.HubKind;
import io.crawlseq.store.HubQuery;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.StoredHub;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The hubs earlier steps recorded for a site, as the issue-5 commands read them from the store. */
public final class KnownHubs {

    /** Stored hubs below this confidence are not worked from (the registry's default reporting threshold). */
    public static final double MIN_CONFIDENCE = 0.6;

    private static final Comparator<StoredHub> BEST_FIRST = Comparator
            .comparing((StoredHub h) -> !h.hub().verified())
            .thenComparing(h -> -h.hub().confidence())
            .thenComparing(h -> h.hub().url());

    private KnownHubs() {
    }

    /** Country hubs (of one country when given), verified and most confident first. */
    public static List<StoredHub> countryHubs(CrawlResults crawl, SiteId site, Optional<String> iso2) {
        HubQuery query = HubQuery.allOf(site).ofKind(HubKind.COUNTRY);
        if (iso2.isPresent()) {
            query = query.forCountry(iso2.get());
        }
        List<StoredHub> hubs = new ArrayList<>(crawl.allHubs(query));
        hubs.removeIf(h -> h.hub().confidence() < MIN_CONFIDENCE);
        hubs.sort(BEST_FIRST);
        return hubs;
    }

    /** The best hub of one country. */
    public static Optional<StoredHub> countryHub(CrawlResults crawl, SiteId site, String iso2) {
        return countryHubs(crawl, site, Optional.of(iso2)).stream().findFirst();
    }

    /** Country, region and city hubs with a gazetteer place: what guessing learns from and skips. */
    public static List<KnownHub> placeHubs(CrawlResults crawl, SiteId site) {
        List<KnownHub> known = new ArrayList<>();
        for (StoredHub stored : crawl.allHubs(HubQuery.allOf(site))) {
            var hub = stored.hub();
            boolean place = hub.kind() == HubKind.COUNTRY || hub.kind() == HubKind.REGION || hub.kind() == HubKind.CITY;
            if (!place || hub.confidence() < MIN_CONFIDENCE) {
                continue;
            }
            String placeId = hub.placeId().orElse(hub.kind() == HubKind.COUNTRY
                    ? hub.iso2().map(c -> "country:" + c).orElse(null) : null);
            known.add(new KnownHub(hub.url(), HubRecords.kind(hub.kind()), placeId, hub.iso2().orElse(null),
                    hub.confidence(), hub.verified()));
        }
        return known;
    }
}
