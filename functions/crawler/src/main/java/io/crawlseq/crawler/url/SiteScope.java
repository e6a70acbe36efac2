package io.crawlseq.crawler.url;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hosts belong to the site being crawled: every host under the start URL's registrable domain
 * (public-suffix list via crawler-commons, so {@code www.bbc.co.uk} and {@code news.bbc.co.uk} are
 * one site and {@code a.github.io} and {@code b.github.io} are not), plus explicitly allowed hosts.
 * Hosts without a public suffix (IP addresses, {@code localhost}, {@code *.test}) are their own site.
 *
 * @param site         the registrable domain (or the exact host when it has none)
 * @param extraHosts   more hosts in scope; an entry {@code *.example.org} covers example.org and its subdomains
 */
public record SiteScope(String site, Set<String> extraHosts) {

    public SiteScope {
        site = site.toLowerCase(Locale.ROOT);
        extraHosts = Set.copyOf(new TreeSet<>(extraHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
    }

    public static SiteScope of(WebUrl start) {
        return new SiteScope(siteOf(start.host()), Set.of());
    }

    public static SiteScope of(WebUrl start, Set<String> extraHosts) {
        return new SiteScope(siteOf(start.host()), extraHosts);
    }

    /** The registrable domain of a host, or the host itself when it has none. */
    public static String siteOf(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (IpLiterals.literal(h).isPresent()) {
            return h;
        }
        String assigned = EffectiveTldFinder.getAssignedDomain(h, true, false);
        return assigned == null ? h : assigned;
    }

    public boolean contains(WebUrl url) {
        return containsHost(url.host());
    }

    public boolean containsHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals(site) || h.endsWith("." + site) && !site.equals(h) && IpLiterals.literal(site).isEmpty()) {
            return true;
        }
        for (String extra : extraHosts) {
            if (extra.startsWith("*.")) {
                String base = extra.substring(2);
                if (h.equals(base) || h.endsWith("." + base)) {
                    return true;
                }
            } else if (h.equals(extra)) {
                return true;
            }
        }
        return false;
    }
}
