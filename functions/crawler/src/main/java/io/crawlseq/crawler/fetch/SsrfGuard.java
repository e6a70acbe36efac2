package io.crawlseq.crawler.fetch;

import io.crawlseq.crawler.guard.AddressCategory;
import io.crawlseq.crawler.guard.AddressClassifier;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.url.IpLiterals;
import io.crawlseq.crawler.url.WebUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Decides, before every connection (first request and each redirect hop), whether a URL's host may
 * be contacted: names such as {@code localhost} are refused outright, IP literals are classified
 * as they are, names are resolved and refused if any address is not public. Allow-listed hosts
 * ({@link AllowList}) pass whatever they resolve to. Passing addresses are pinned for the
 * connection ({@link AddressPins}).
 */
public final class SsrfGuard {

    /** Names that mean "this machine" or a metadata service on every platform, refused without resolving. */
    private static final Set<String> LOCAL_NAMES = Set.of(
            "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "localhost6",
            "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal");

    private final AllowList allowList;
    private final HostResolver resolver;

    public SsrfGuard(AllowList allowList, HostResolver resolver) {
        this.allowList = allowList;
        this.resolver = resolver;
    }

    /** The guard's verdict on one URL. */
    public sealed interface Verdict {
    }

    /** May connect; the addresses are pinned for the connection. */
    public record Allowed(List<InetAddress> addresses) implements Verdict {
    }

    /** Must not connect (a policy decision). */
    public record Refused(String reason) implements Verdict {
    }

    /** The name does not resolve (a network problem, not a policy one). */
    public record Unresolvable(String reason) implements Verdict {
    }

    public Verdict check(WebUrl url) {
        String host = url.host();
        boolean allowListed = allowList.allows(url);
        IpLiterals.HostKind kind = IpLiterals.classify(host);
        if (kind instanceof IpLiterals.Malformed malformed) {
            return new Refused("malformed host " + host + ": " + malformed.reason());
        }
        if (kind instanceof IpLiterals.Literal literal) {
            AddressCategory category = AddressClassifier.classify(literal.address());
            if (category.isBlocked() && !allowListed) {
                return new Refused(literal.canonical() + " is a " + category.description());
            }
            return new Allowed(List.of(literal.address()));
        }
        if (!allowListed && isLocalName(host)) {
            return new Refused(host + " names this machine or a metadata service");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Unresolvable("unknown host " + host);
        }
        if (addresses.isEmpty()) {
            return new Unresolvable("no address for " + host);
        }
        if (!allowListed) {
            for (InetAddress address : addresses) {
                AddressCategory category = AddressClassifier.classify(address);
                if (category.isBlocked()) {
                    return new Refused(host + " resolves to " + address.getHostAddress() + ", a " + category.description());
                }
            }
        }
        AddressPins.pin(host, addresses);
        return new Allowed(addresses);
    }

    static boolean isLocalName(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return LOCAL_NAMES.contains(h) || h.endsWith(".localhost");
    }
}
