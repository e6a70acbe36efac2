package io.crawlseq.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Turns a host name into addresses for the SSRF guard. The system resolver is the default; tests
 * and {@code --resolve}-style overrides supply a map. Whatever this returns is checked and then
 * pinned (see {@link AddressPins}), so the connection goes exactly where the check looked.
 */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** Fixed answers for some names, the system resolver for the rest. */
    static HostResolver withOverrides(Map<String, List<InetAddress>> overrides) {
        Map<String, List<InetAddress>> copy = Map.copyOf(overrides);
        HostResolver system = system();
        return host -> {
            List<InetAddress> fixed = copy.get(host);
            return fixed != null ? fixed : system.resolve(host);
        };
    }
}
