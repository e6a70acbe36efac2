package io.crawlseq.commands.handlers.hubwork;

import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.handlers.support.HubRecords;
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
    public static List<StoredHub> countryHubs(CrawlResults crawl, SiteId site, Optional<String> iso2)
            throws CommandException {
        HubQuery ofKind = HubQuery.allOf(site).ofKind(HubKind.COUNTRY);
        HubQuery query = iso2.map(ofKind::forCountry).orElse(ofKind);
        List<StoredHub> hubs = new ArrayList<>(read(() -> crawl.allHubs(query), site));
        hubs.removeIf(h -> h.hub().confidence() < MIN_CONFIDENCE);
        hubs.sort(BEST_FIRST);
        return hubs;
    }

    /** The best hub of one country. */
    public static Optional<StoredHub> countryHub(CrawlResults crawl, SiteId site, String iso2) throws CommandException {
        return countryHubs(crawl, site, Optional.of(iso2)).stream().findFirst();
    }

    /** Country, region and city hubs with a gazetteer place: what guessing learns from and skips. */
    public static List<KnownHub> placeHubs(CrawlResults crawl, SiteId site) throws CommandException {
        List<KnownHub> known = new ArrayList<>();
        for (StoredHub stored : read(() -> crawl.allHubs(HubQuery.allOf(site)), site)) {
            var hub = stored.hub();
            boolean place = hub.kind() == HubKind.COUNTRY || hub.kind() == HubKind.REGION || hub.kind() == HubKind.CITY;
            if (!place || hub.confidence() < MIN_CONFIDENCE) {
                continue;
            }
            String placeId = hub.placeId().orElse(hub.kind() == HubKind.COUNTRY
                    ? hub.iso2().map(c -> "country:" + c).orElse(null) : null);
            known.add(new KnownHub(hub.url(), HubRecords.crawlerKind(hub.kind()), placeId, hub.iso2().orElse(null),
                    hub.confidence(), hub.verified()));
        }
        return known;
    }

    /** A store that cannot be read is infrastructure trouble: retried by the state machine. */
    private static List<StoredHub> read(java.util.function.Supplier<List<StoredHub>> query, SiteId site)
            throws CommandException {
        try {
            return query.get();
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not read the known hubs of " + site + ": " + e, e);
        }
    }
}
