package io.crawlseq.crawler.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host → addresses the SSRF guard has checked, consulted by {@link PinningResolverProvider} when
 * the JDK HttpClient resolves the host to connect. This closes the DNS-rebinding gap between "check
 * the address" and "connect": the client cannot get a different answer than the one checked.
 *
 * <p>Why this design: the JDK HttpClient has no per-client resolver, and connecting to an IP
 * literal would break TLS (SNI and certificate checks use the URL's host) and HTTP/2's
 * {@code :authority}. A JVM-wide resolver that only answers for pinned hosts (and delegates
 * everything else to the built-in resolver) keeps the URL, SNI, Host header and certificate
 * verification exactly as for the real host name.
 *
 * <p>Pins only ever hold checked addresses and are refreshed by every check; they expire so the
 * map stays small. If the JVM did not load the provider ({@link #isActive()} false, e.g. when the
 * crawler's jar is not on the system class path), the JDK's positive DNS cache (30 s by default)
 * still makes the connect see the address just checked in all but a narrow window.
 */
public final class AddressPins {

    static final long PIN_MILLIS = 5 * 60_000L;

    private record Pin(List<InetAddress> addresses, long expiresAtNanos) {
    }

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile boolean active;

    private AddressPins() {
    }

    /** Pins {@code host} to the checked {@code addresses} (replacing an earlier pin). */
    public static void pin(String host, List<InetAddress> addresses) {
        PINS.put(host.toLowerCase(Locale.ROOT), new Pin(List.copyOf(addresses), System.nanoTime() + PIN_MILLIS * 1_000_000L));
        if (PINS.size() > 10_000) {
            long now = System.nanoTime();
            PINS.values().removeIf(p -> p.expiresAtNanos - now < 0);
        }
    }

    /** The pinned addresses, or null when the host is not pinned (or the pin expired). */
    static List<InetAddress> pinned(String host) {
        Pin pin = PINS.get(host.toLowerCase(Locale.ROOT));
        if (pin == null) {
            return null;
        }
        if (pin.expiresAtNanos - System.nanoTime() < 0) {
            PINS.remove(host.toLowerCase(Locale.ROOT), pin);
            return null;
        }
        return pin.addresses;
    }

    static void markActive() {
        active = true;
    }

    /**
     * Whether the JVM resolves through {@link PinningResolverProvider}. Forces the JDK to load its
     * resolver first (a lookup of {@code localhost}, answered from the hosts file).
     */
    public static boolean isActive() {
        if (!active) {
            try {
                InetAddress.getAllByName("localhost");
            } catch (java.net.UnknownHostException ignored) {
                // no resolver at all; nothing is pinned either way
            }
        }
        return active;
    }
}
