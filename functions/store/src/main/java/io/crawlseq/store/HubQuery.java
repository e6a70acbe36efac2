package io.crawlseq.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Which hubs of a site to list: all, one kind, one country's, or one kind for one country. */
public record HubQuery(SiteId site, Optional<HubKind> kind, Optional<String> iso2) {

    public HubQuery {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        iso2 = iso2.map(code -> code.toUpperCase(Locale.ROOT));
    }

    public static HubQuery allOf(SiteId site) {
        return new HubQuery(site, Optional.empty(), Optional.empty());
    }

    public HubQuery ofKind(HubKind value) {
        return new HubQuery(site, Optional.of(value), iso2);
    }

    public HubQuery forCountry(String code) {
        return new HubQuery(site, kind, Optional.of(code));
    }
}
