package io.crawlseq.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM-wide resolver (JEP 418, registered in {@code META-INF/services}) that answers pinned hosts
 * from {@link AddressPins} and delegates every other lookup, unchanged, to the JDK's built-in resolver.
 */
public final class PinningResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        AddressPins.markActive();
        return new Resolver(configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "crawl-sequences address pinning";
    }

    private record Resolver(InetAddressResolver builtin) implements InetAddressResolver {

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            List<InetAddress> pinned = AddressPins.pinned(host);
            if (pinned == null) {
                return builtin.lookupByName(host, policy);
            }
            int c = policy.characteristics();
            boolean v4 = (c & LookupPolicy.IPV4) != 0;
            boolean v6 = (c & LookupPolicy.IPV6) != 0;
            List<InetAddress> usable = pinned.stream()
                    .filter(a -> (a instanceof Inet4Address && v4) || (a instanceof Inet6Address && v6))
                    .toList();
            if (usable.isEmpty()) {
                // Never fall back to a fresh lookup for a pinned host: that is the rebinding hole.
                throw new UnknownHostException(host + ": no pinned address of the requested family");
            }
            return usable.stream();
        }

        @Override
        public String lookupByAddress(byte[] addr) throws UnknownHostException {
            return builtin.lookupByAddress(addr);
        }
    }
}
